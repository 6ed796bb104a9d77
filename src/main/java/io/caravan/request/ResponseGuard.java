package io.caravan.request;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounds of the response to the request a thread is sending: a deadline for the whole response,
 * headers to last byte ({@code responseTimeoutMs}; a read timeout alone lets a body that drips a
 * byte at a time run for ever), and the most header bytes read ({@code maxHeaderBytes}). At the
 * deadline the connection's stream is closed, so a read blocked on it ends at once, and the failure
 * is a {@link SocketTimeoutException} naming the setting: retried like any timeout.
 */
public final class ResponseGuard {

    private static final ThreadLocal<ResponseGuard> CURRENT = new ThreadLocal<>();
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private final Duration timeout;
    private final int maxHeaderBytes;
    private final ScheduledFuture<?> expiry;
    private volatile InputStream connection;
    private volatile boolean expired;

    private ResponseGuard(Duration timeout, int maxHeaderBytes) {
        this.timeout = timeout;
        this.maxHeaderBytes = maxHeaderBytes;
        this.expiry = DEADLINES.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Guards the response to the request this thread sends next, until {@link #end()}. */
    public static ResponseGuard begin(Duration timeout, int maxHeaderBytes) {
        ResponseGuard guard = new ResponseGuard(timeout, maxHeaderBytes);
        CURRENT.set(guard);
        return guard;
    }

    /** The guard of the response this thread is receiving, or {@code null}. */
    public static ResponseGuard current() {
        return CURRENT.get();
    }

    /** The response is read whole, or given up on: its deadline no longer applies. */
    public void end() {
        expiry.cancel(false);
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }

    /** The most header bytes read. */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** The connection's stream, to be closed at the deadline; fails at once when the deadline has passed. */
    void watch(InputStream stream) throws SocketTimeoutException {
        connection = stream;
        check();
    }

    /** Fails when the deadline has passed. */
    public void check() throws SocketTimeoutException {
        if (expired) {
            throw timedOut();
        }
    }

    /** {@code failure}, or the deadline's own failure when that is why a read failed. */
    public IOException explain(IOException failure) {
        return expired && !(failure instanceof SocketTimeoutException) ? timedOut() : failure;
    }

    private SocketTimeoutException timedOut() {
        return new SocketTimeoutException(String.format("the response did not complete within responseTimeoutMs (%,d ms)",
                timeout.toMillis()));
    }

    private void expire() {
        expired = true;
        InputStream stream = connection;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // the connection is dropped either way
            }
        }
    }

    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "caravan-response-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }
}
