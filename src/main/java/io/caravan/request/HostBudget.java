package io.caravan.request;

import java.util.concurrent.Semaphore;

/**
 * The requests per second one API host is sent, and how many may be in flight at once, shared by
 * every source calling it (the Throttle EIP of the fetch route reads the rate per request). Fixed when the host's limit is known; adaptive when
 * it is not: starting at the given rate, doubling each second without a 429 until the first one,
 * then cut by a quarter on each 429 and grown by a twentieth (at least one) per second of success
 * (additive increase, multiplicative decrease), so a run converges just under the host's limit.
 */
public final class HostBudget {

    private final Semaphore inFlight;
    private final boolean adaptive;
    private int perSecond;
    private boolean slowStart;
    private int successes;

    /**
     * @param perSecond   requests per second (where an adaptive budget starts)
     * @param adaptive    whether the rate adapts to the host's 429s
     * @param maxInFlight requests in flight at once (0: no limit)
     */
    public HostBudget(int perSecond, boolean adaptive, int maxInFlight) {
        this.inFlight = maxInFlight > 0 ? new Semaphore(maxInFlight, true) : null;
        this.perSecond = Math.max(1, perSecond);
        this.adaptive = adaptive;
        this.slowStart = adaptive;
    }

    /** The requests per second the host is sent now. */
    public synchronized int perSecond() {
        return perSecond;
    }

    /** Waits for a place among the requests in flight to the host. */
    public void enter() throws InterruptedException {
        if (inFlight != null) {
            inFlight.acquire();
        }
    }

    /** A request to the host ended (answered or failed). */
    public void leave() {
        if (inFlight != null) {
            inFlight.release();
        }
    }

    /** The host answered 429: an adaptive budget shrinks by a quarter. */
    public synchronized void rateLimited() {
        if (adaptive) {
            slowStart = false;
            successes = 0;
            perSecond = Math.max(1, perSecond * 3 / 4);
        }
    }

    /** The host answered a request: after a second's worth of successes an adaptive budget grows. */
    public synchronized void succeeded() {
        if (adaptive && ++successes >= perSecond) {
            successes = 0;
            perSecond = slowStart ? perSecond * 2 : perSecond + Math.max(1, perSecond / 20);
        }
    }
}
