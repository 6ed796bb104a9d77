package io.caravan.route;

import io.caravan.config.LimitSettings;
import io.caravan.paging.PageReader;
import io.caravan.request.PageAhead;
import io.caravan.request.PageRequest;
import io.caravan.request.RequestPreparer;
import io.caravan.run.SessionRun;
import io.caravan.run.Source;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * Pipelined pages ({@code prefetch}): once a page is read, its session's next request leaves for the
 * fetch route on a thread of its own, which also reads the records of its answer, while the page is
 * landed; one page ahead at most. The page loop then takes that response instead of sending the
 * request (see {@link PageAhead}). A sequential cursor costs about pages × max(L, W) instead of
 * pages × (L + W), L being the API's answer time and W the time to land a page. Nothing is sent ahead
 * while the session pauses for a rate limit, once the context is stopping, or when the session has
 * no next request.
 */
public final class PagesAhead {

    private final Source source;
    private final RequestPreparer requests;
    private final PageReader pages;
    private final boolean enabled;
    /** The longest the page loop waits for a page sent ahead: as long as the request could take itself. */
    private final Duration bound;
    private volatile Sender sender;

    public PagesAhead(Source source, RequestPreparer requests, PageReader pages) {
        this.source = source;
        this.requests = requests;
        this.pages = pages;
        this.enabled = source.settings().plan().prefetch();
        LimitSettings limits = source.settings().limits();
        this.bound = limits.responseTimeout().plus(limits.maxWait());
    }

    /** Sends the next request of {@code exchange}'s session ahead, when there is one to send now. */
    public void send(Exchange exchange) {
        SessionRun run = SessionRun.of(exchange);
        if (!enabled || !run.hasNext() || run.retry().pauseMillis() > 0 || exchange.getContext().isStopping()) {
            return;
        }
        Exchange ahead = new DefaultExchange(exchange.getContext());
        ahead.setProperty(Source.PROPERTY, source);
        ahead.setProperty(RequestPreparer.HTTP_ENDPOINT, exchange.getProperty(RequestPreparer.HTTP_ENDPOINT));
        // Prepared here, on the session's thread: credentials are applied (and renewed) in the session's order.
        PageRequest next = run.requests().next();
        requests.prepare(ahead, next);
        Sender fetching = sender(exchange.getContext());
        exchange.setProperty(PageAhead.PROPERTY, new PageAhead(next, CompletableFuture.supplyAsync(() -> {
            try {
                fetching.producer().send(FetchRoute.FETCH, ahead);
                if (ahead.getException() == null) {
                    pages.readAhead(ahead);
                }
            } catch (OutOfMemoryError e) {
                ahead.setException(HeapGuard.exhausted(e));
            }
            return ahead;
        }, fetching.threads()), bound));
    }

    /** What sends pages ahead: a producer for the fetch route, and a thread per session that may fetch at once. */
    private record Sender(ProducerTemplate producer, ExecutorService threads) {
    }

    private Sender sender(CamelContext context) {
        Sender current = sender;
        if (current == null) {
            synchronized (this) {
                if (sender == null) {
                    sender = new Sender(context.createProducerTemplate(), context.getExecutorServiceManager()
                            .newFixedThreadPool(this, "caravan-ahead-" + source.name(), source.settings().plan().concurrency()));
                }
                current = sender;
            }
        }
        return current;
    }
}
