package io.caravan.request;

/**
 * The requests per second one API host is sent, shared by every source calling it (the Throttle
 * EIP of the fetch route reads it per request). Fixed when the host's limit is known; adaptive when
 * it is not: starting at the given rate, doubling each second without a 429 until the first one,
 * then halving on each 429 and growing by one per second of success (additive increase,
 * multiplicative decrease), so a run converges just under the host's limit.
 */
public final class HostBudget {

    private final boolean adaptive;
    private int perSecond;
    private boolean slowStart;
    private int successes;

    public HostBudget(int perSecond, boolean adaptive) {
        this.perSecond = Math.max(1, perSecond);
        this.adaptive = adaptive;
        this.slowStart = adaptive;
    }

    /** The requests per second the host is sent now. */
    public synchronized int perSecond() {
        return perSecond;
    }

    /** The host answered 429: an adaptive budget halves. */
    public synchronized void rateLimited() {
        if (adaptive) {
            slowStart = false;
            successes = 0;
            perSecond = Math.max(1, perSecond / 2);
        }
    }

    /** The host answered a request: after a second's worth of successes an adaptive budget grows. */
    public synchronized void succeeded() {
        if (adaptive && ++successes >= perSecond) {
            successes = 0;
            perSecond = slowStart ? perSecond * 2 : perSecond + 1;
        }
    }
}
