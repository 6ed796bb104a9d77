package io.caravan.sandbox;

/**
 * Server-wide settings of the sandbox (per-request knobs travel in the query string, see {@link Knobs}).
 *
 * @param requestsPerSecond requests served per second before answering 429 with {@code Retry-After}; 0 for no limit
 * @param faultSeed         seed of the random choice of failing requests
 * @param threads           worker threads (latency is simulated per request, so more threads serve more at once)
 */
public record SandboxSettings(int requestsPerSecond, long faultSeed, int threads) {

    public static SandboxSettings defaults() {
        return new SandboxSettings(0, 7, 16);
    }

    public SandboxSettings withRequestsPerSecond(int limit) {
        return new SandboxSettings(limit, faultSeed, threads);
    }
}
