package io.caravan.response;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What one session's retries carry between the failure and the next request: the request whose
 * credentials the API refused, a restart of the pass about to happen, the wait the API asked for,
 * why a retriable failure was not retried, a pause while a rate-limit budget resets, and how many
 * retries were made.
 */
public final class RetryState {

    private final LongSupplier nanoClock;
    private String refusedRequest;
    private boolean restartPending;
    private Long retryDelayMillis;
    private String refusal;
    private long pauseUntilNanos;
    private long retries;

    /** @param nanoClock the clock pauses are measured with */
    public RetryState(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Whether the API refused the credentials of the request {@code fingerprint} for the first time. */
    public boolean firstRefusal(String fingerprint) {
        boolean first = !fingerprint.equals(refusedRequest);
        refusedRequest = fingerprint;
        return first;
    }

    /** The next retry restarts the pass (no page is sent again, and it is not counted as a retry). */
    public void restartPending() {
        restartPending = true;
    }

    /** Counts a retry; true when it is the restart of the pass instead. */
    public boolean retried() {
        if (restartPending) {
            restartPending = false;
            return true;
        }
        retries++;
        return false;
    }

    /** Retries made. */
    public long retries() {
        return retries;
    }

    /** The API asked to wait {@code wait} before the retry (Retry-After, a rate limit's reset). */
    public void retryAfter(Duration wait) {
        retryDelayMillis = wait.toMillis();
    }

    /** The wait the API asked for before the retry about to happen, once; {@code null} for the usual backoff. */
    public Long takeRetryDelay() {
        Long delay = retryDelayMillis;
        retryDelayMillis = null;
        return delay;
    }

    /** Why the failure in flight is not retried although it could be (the API asked to wait too long). */
    public void refuse(String reason) {
        refusal = reason;
    }

    /** Why the last retriable failure was not retried, or {@code null}. */
    public String refusal() {
        return refusal;
    }

    /** Pauses the next request until {@code wait} from now (a rate limit's window is spent). */
    public void pauseFor(Duration wait) {
        pauseUntilNanos = nanoClock.getAsLong() + wait.toNanos();
    }

    /** How long to wait before sending the next request (0: at once). */
    public long pauseMillis() {
        long left = pauseUntilNanos - nanoClock.getAsLong();
        return left <= 0 ? 0 : Duration.ofNanos(left).toMillis();
    }
}
