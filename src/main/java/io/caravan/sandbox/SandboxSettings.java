package io.caravan.sandbox;

import java.time.Duration;

/**
 * Server-wide settings of the sandbox (per-request knobs travel in the query string, see {@link Knobs}).
 *
 * @param requestsPerSecond requests served per rate window before answering 429 with {@code Retry-After}; 0 for no limit
 * @param rateWindow        the length of a rate window (one second unless set)
 * @param faultSeed         seed of the random choice of failing requests
 * @param threads           worker threads (latency is simulated per request, so more threads serve more at once)
 */
public record SandboxSettings(int requestsPerSecond, long faultSeed, int threads, Duration rateWindow) {

    public static SandboxSettings defaults() {
        return new SandboxSettings(0, 7, 16, Duration.ofSeconds(1));
    }

    public SandboxSettings withRequestsPerSecond(int limit) {
        return new SandboxSettings(limit, faultSeed, threads, rateWindow);
    }

    /** A limit of {@code limit} requests per {@code window}. */
    public SandboxSettings withRateLimit(int limit, Duration window) {
        return new SandboxSettings(limit, faultSeed, threads, window);
    }
}
