package io.caravan.response;

import io.caravan.paging.RequestSequence;
import io.caravan.request.RequestPreparer;
import io.caravan.run.FailureMessage;
import io.caravan.run.SessionRun;
import io.caravan.run.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.caravan.config.SourceSettings;
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
public final class RetryRules {

    private static final Logger LOG = LoggerFactory.getLogger(RetryRules.class);
    private static final List<String> REDELIVERY_HEADERS = List.of(Exchange.REDELIVERED, Exchange.REDELIVERY_COUNTER,
            Exchange.REDELIVERY_MAX_COUNTER);

    /** Exchange property holding the rules of the source running on it. */
    public static final String PROPERTY = "CaravanRetryRules";

    private final Source source;
    private final RequestPreparer requests;

    /**
     * @param source   the source
     * @param requests puts a request (with its credentials) on the message
     */
    public RetryRules(Source source, RequestPreparer requests) {
        this.source = source;
        this.requests = requests;
    }

    /** The rules of the source running on {@code exchange}, or {@code null}. */
    public static RetryRules of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, RetryRules.class);
    }

    /**
     * Whether the failure of the request in flight is worth sending it again: throttling, a transient
     * server error, an I/O error; the first HTTP 401 for this request when the credentials can be
     * renewed (the retry sends fresh ones); or the answer that the pagination session is gone (an
     * expired cursor), when the retry sends the pass's first request instead (at most
     * {@link RequestSequence#MAX_RESTARTS} times a run).
     */
    public boolean retryable(Exchange exchange) {
        Object failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        SessionRun run = SessionRun.of(exchange);
        SourceSettings settings = source.settings();
        if (settings.paging().restartOn().matches(failure)) {
            boolean restarted = run.restartPass(run.session().first());
            if (restarted && settings.load().checkpoints()) {
                // Pages this run landed may come again: they are not delivered twice.
                run.rows().landedEarlier(source.landedPages().keys());
            }
            if (restarted) {
                LOG.warn("{}: page {} answered that the pagination session is gone ({}); restarting the pass at its"
                        + " first page, repeats are dropped", settings.source(), run.requests().restartedFrom() + 1,
                        settings.request().credentials().redact(FailureMessage.causeOf((Throwable) failure)));
            }
            return restarted;
        }
        if (failure instanceof HttpOperationFailedException http && http.getStatusCode() == 401) {
            return run.firstRefusal() && settings.request().credentials().renew();
        }
        RateLimitSignals rateLimits = settings.limits().rateLimits();
        boolean rateLimited = rateLimits.isRateLimited(failure);
        if (rateLimited) {
            source.meters().rateLimited();
            if (source.budget() != null) {
                source.budget().rateLimited();
            }
        }
        boolean retryable = rateLimited || RetryableFailure.isRetryable(failure);
        if (retryable && failure instanceof HttpOperationFailedException http) {
            Optional<Duration> wait = rateLimits.waitAfter(http, Instant.now());
            Duration maxWait = settings.limits().maxWait();
            if (wait.isPresent()) {
                if (wait.get().compareTo(maxWait) > 0) {
                    run.retry().refuse("the API asks to wait " + wait.get().toSeconds() + " s, more than maxWaitSeconds ("
                            + maxWait.toSeconds() + ")");
                    return false;
                }
                run.retry().retryAfter(wait.get());
                LOG.info("{}: rate limited (HTTP {}); waiting until {} as the API asks", settings.source(),
                        http.getStatusCode(), WaitEnd.after(wait.get()));
            }
        }
        return retryable;
    }

    /** Before the retry's delay is computed: the wait the API asked for replaces the backoff. */
    public void retryDelay(Exchange exchange) {
        Long delay = SessionRun.of(exchange).retry().takeRetryDelay();
        if (delay != null) {
            source.meters().waited(delay);
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
        }
    }

    /** The request in flight is about to be sent again: it is prepared afresh (renewed credentials included) and counted. */
    public void retried(Exchange exchange) {
        SessionRun run = SessionRun.of(exchange);
        if (!run.retry().retried()) {
            source.meters().retry();
            Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            Object most = exchange.getMessage().getHeader(Exchange.REDELIVERY_MAX_COUNTER);
            // The Kamelet's redelivery is the calling route's: its most retries may be unknown here.
            LOG.warn("{}: page {} failed ({}); retry {}{}", source.name(), run.current().pageIndex() + 1,
                    source.settings().request().credentials().redact(FailureMessage.causeOf(failure)),
                    exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER), most == null ? "" : " of " + most);
        }
        // Prepared afresh, the message keeps the counters Camel's redelivery reads from its headers.
        Map<String, Object> counters = new HashMap<>();
        for (String header : REDELIVERY_HEADERS) {
            counters.put(header, exchange.getMessage().getHeader(header));
        }
        requests.prepare(exchange, run.current());
        counters.forEach(exchange.getMessage()::setHeader);
    }
}
