package io.caravan.request;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;

/**
 * A session's next request, sent ahead while its current page is parsed and landed: the request
 * and the exchange its response comes back on. It lives on the session's exchange until the page
 * loop sends that request (and takes the response instead) or the session ends without it (and
 * drops it, its response unread). Nothing of it reaches the checkpoint: a page fetched ahead lands
 * only once the loop has taken and read it, so a crash before then fetches it again.
 */
public final class PageAhead {

    /** Exchange property holding the session's page fetched ahead, if any. */
    public static final String PROPERTY = "CaravanPageAhead";

    private final PageRequest request;
    private final Future<Exchange> fetched;
    private final Duration bound;

    /**
     * @param request the request sent ahead
     * @param fetched the exchange it travels on, once its response is read (or its failure known)
     * @param bound   the longest the page loop waits for it: as long as the request could take itself
     */
    public PageAhead(PageRequest request, Future<Exchange> fetched, Duration bound) {
        this.request = request;
        this.fetched = fetched;
        this.bound = bound;
    }

    /** Whether {@code exchange}'s session has a page fetched ahead that the page loop has not taken. */
    public static boolean pending(Exchange exchange) {
        return exchange.getProperty(PROPERTY) != null;
    }

    /** Whether this is {@code sent}, the very request the page loop is sending. */
    public boolean isFor(PageRequest sent) {
        return request == sent;
    }

    /**
     * The exchange the response came back on, with its body read or its failure set. A response that
     * does not come within the bound is an I/O failure, which the page loop retries by sending the
     * request itself.
     */
    public Exchange await() throws IOException, InterruptedException {
        try {
            return fetched.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fetched.cancel(true);
            throw new IOException("the page fetched ahead (" + request.uri() + ") did not come within " + bound.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("the page fetched ahead (" + request.uri() + ") failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Drops the page {@code exchange}'s session fetched ahead, if any, waiting (within its bound) for its
     * request to end, so that no request of a session outlives it.
     */
    public static void drop(Exchange exchange) {
        PageAhead ahead = (PageAhead) exchange.removeProperty(PROPERTY);
        if (ahead == null) {
            return;
        }
        try {
            ahead.await();
        } catch (IOException e) {
            // Its response is not read: how it failed does not matter.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
