package io.caravan.route;

import io.caravan.request.HostBudget;
import io.caravan.request.PageRequest;
import io.caravan.run.FailureMessage;
import io.caravan.run.SourceRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules by which a source's request in flight is sent again, for the error handler of the route
 * template (its {@code onWhen}, {@code onExceptionOccurred} and {@code onRedelivery}) and of a route
 * using the Kamelet ({@code KameletRetryPolicy}): which failures are retried, how long to wait
 * (the API's own word first), and the request prepared afresh.
 */
public final class PageRetries {

    private static final Logger LOG = LoggerFactory.getLogger(PaginatedSource.class);
    private static final List<String> REDELIVERY_HEADERS = List.of(Exchange.REDELIVERED, Exchange.REDELIVERY_COUNTER,
            Exchange.REDELIVERY_MAX_COUNTER);

    private final SourceSettings settings;
    private final HostBudget budget;
    private final Supplier<Set<String>> landedPages;
    private final BiConsumer<Exchange, PageRequest> prepare;

    /**
     * @param settings    the source's settings
     * @param budget      its host's budget, or {@code null}
     * @param landedPages the keys of the pages landed in the pass so far
     * @param prepare     puts a request (with its credentials) on the message
     */
    PageRetries(SourceSettings settings, HostBudget budget, Supplier<Set<String>> landedPages,
            BiConsumer<Exchange, PageRequest> prepare) {
        this.settings = settings;
        this.budget = budget;
        this.landedPages = landedPages;
        this.prepare = prepare;
    }

    /**
     * Whether the failure of the request in flight is worth sending it again: throttling, a transient
     * server error, an I/O error; the first HTTP 401 for this request when the credentials can be
     * renewed (the retry sends fresh ones); or the answer that the pagination session is gone (an
     * expired cursor), when the retry sends the pass's first request instead (at most
     * {@link SourceRun#MAX_RESTARTS} times a run).
     */
    public boolean retryable(Exchange exchange) {
        Object failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        SourceRun run = SourceRun.of(exchange);
        if (settings.restartOn().matches(failure)) {
            boolean restarted = run.restartPass(run.session().first());
            if (restarted && settings.checkpoints()) {
                // Pages this run landed may come again: they are not delivered twice.
                run.landedEarlier(landedPages.get());
            }
            if (restarted) {
                LOG.warn("{}: page {} answered that the pagination session is gone ({}); restarting the pass at its"
                        + " first page, repeats are dropped", settings.source(), run.restartedFrom() + 1,
                        settings.credentials().redact(FailureMessage.causeOf((Throwable) failure)));
            }
            return restarted;
        }
        if (failure instanceof HttpOperationFailedException http && http.getStatusCode() == 401) {
            return run.firstRefusal() && settings.credentials().renew();
        }
        boolean rateLimited = settings.rateLimits().isRateLimited(failure);
        if (rateLimited && budget != null) {
            budget.rateLimited();
        }
        boolean retryable = rateLimited || RetryableFailure.isRetryable(failure);
        if (retryable && failure instanceof HttpOperationFailedException http) {
            Optional<Duration> wait = settings.rateLimits().waitAfter(http, Instant.now());
            if (wait.isPresent()) {
                if (wait.get().compareTo(settings.maxWait()) > 0) {
                    run.refuseRetry("the API asks to wait " + wait.get().toSeconds() + " s, more than maxWaitSeconds ("
                            + settings.maxWait().toSeconds() + ")");
                    return false;
                }
                run.retryAfter(wait.get());
                LOG.info("{}: rate limited (HTTP {}); waiting until {} as the API asks", settings.source(),
                        http.getStatusCode(), LocalTime.now().plus(wait.get()).truncatedTo(ChronoUnit.SECONDS));
            }
        }
        return retryable;
    }

    /** Before the retry's delay is computed: the wait the API asked for replaces the backoff. */
    public void retryDelay(Exchange exchange) {
        Long delay = SourceRun.of(exchange).takeRetryDelay();
        if (delay != null) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
        }
    }

    /** The request in flight is about to be sent again: it is prepared afresh (renewed credentials included) and counted. */
    public void retried(Exchange exchange) {
        SourceRun run = SourceRun.of(exchange);
        if (!run.retried()) {
            Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            Object most = exchange.getMessage().getHeader(Exchange.REDELIVERY_MAX_COUNTER);
            // The Kamelet's redelivery is the calling route's: its most retries may be unknown here.
            LOG.warn("{}: page {} failed ({}); retry {}{}", settings.source(), run.current().pageIndex() + 1,
                    settings.credentials().redact(FailureMessage.causeOf(failure)),
                    exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER), most == null ? "" : " of " + most);
        }
        // Prepared afresh, the message keeps the counters Camel's redelivery reads from its headers.
        Map<String, Object> counters = new HashMap<>();
        for (String header : REDELIVERY_HEADERS) {
            counters.put(header, exchange.getMessage().getHeader(header));
        }
        prepare.accept(exchange, run.current());
        counters.forEach(exchange.getMessage()::setHeader);
    }
}
