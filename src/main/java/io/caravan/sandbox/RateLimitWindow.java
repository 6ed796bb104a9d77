package io.caravan.sandbox;

/** A fixed one-second window counting requests; over the limit a request is refused. */
final class RateLimitWindow {

    private static final long SECOND = 1_000_000_000L;

    private final int limit;
    private long windowStart = System.nanoTime();
    private int used;

    RateLimitWindow(int limit) {
        this.limit = limit;
    }

    synchronized boolean tryAcquire() {
        if (limit <= 0) {
            return true;
        }
        long now = System.nanoTime();
        if (now - windowStart >= SECOND) {
            windowStart = now;
            used = 0;
        }
        return ++used <= limit;
    }
}
