package io.caravan.sandbox;

import java.time.Duration;

/**
 * The sandbox's own rate limit: fixed windows of {@code window} length admitting {@code limit}
 * requests each; over it a request is refused. Every answer tells the client what is left and when
 * the window resets, as {@code X-RateLimit-*} headers (the reset in epoch seconds, as GitHub does).
 */
final class RateLimitWindow {

    /** One request's admission: whether it is served, what is left, when the window resets. */
    record Admission(boolean allowed, int limit, int remaining, long resetEpochSeconds) {

        SandboxResponse onto(SandboxResponse response) {
            return response.withHeader("X-RateLimit-Limit", Integer.toString(limit))
                    .withHeader("X-RateLimit-Remaining", Integer.toString(remaining))
                    .withHeader("X-RateLimit-Reset", Long.toString(resetEpochSeconds));
        }
    }

    private final int limit;
    private final long windowNanos;
    private final long windowMillis;
    private long windowStart = System.nanoTime();
    private long windowStartMillis = System.currentTimeMillis();
    private int used;

    RateLimitWindow(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.windowMillis = window.toMillis();
    }

    /** Whether a limit is set at all. */
    boolean limited() {
        return limit > 0;
    }

    synchronized Admission admit() {
        long now = System.nanoTime();
        if (now - windowStart >= windowNanos) {
            long windows = (now - windowStart) / windowNanos;
            windowStart += windows * windowNanos;
            windowStartMillis += windows * windowMillis;
            used = 0;
        }
        used++;
        long reset = (windowStartMillis + windowMillis + 999) / 1000;
        return new Admission(used <= limit, limit, Math.max(0, limit - used), reset);
    }
}
