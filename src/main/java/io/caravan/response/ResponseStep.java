package io.caravan.response;

import io.caravan.config.LimitSettings;
import io.caravan.request.HostBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a response: its body into a JSON tree within the source's limits (a bad body fails with
 * what it was), its records streamed into the page's rows where they can be, a success for an
 * adaptive host budget, and the API's rate-limit headers: once the budget is spent, the session
 * pauses until it resets, a pause the page step takes from the exchange (a longer wait than allowed
 * fails the run).
 */
public final class ResponseStep {

    /** Exchange property holding how long the session pauses before its next request (a {@link Duration}), if it must. */
    public static final String PAUSE = "CaravanRateLimitPause";

    private static final Logger LOG = LoggerFactory.getLogger(ResponseStep.class);

    private final String source;
    private final LimitSettings limits;
    private final HostBudget budget;
    private final Function<Exchange, StreamedRecords> streaming;

    /**
     * @param budget    the host's budget, or {@code null}
     * @param streaming what takes the records of the response on an exchange as they are parsed, or
     *                  {@code null} to keep them in the body's tree
     */
    public ResponseStep(String source, LimitSettings limits, HostBudget budget, Function<Exchange, StreamedRecords> streaming) {
        this.source = source;
        this.limits = limits;
        this.budget = budget;
        this.streaming = streaming;
    }

    /** Reads the response on {@code exchange}. */
    public void read(Exchange exchange) throws Exception {
        StreamedRecords records = streaming == null ? null : streaming.apply(exchange);
        exchange.getMessage().setBody(limits.reader().read(exchange, records));
        if (records != null) {
            records.bodyRead();
        }
        if (budget != null) {
            budget.succeeded();
        }
        Optional<Duration> pause = limits.rateLimits().pauseAfter(exchange.getMessage().getHeaders(), Instant.now());
        if (pause.isPresent() && !pause.get().isZero()) {
            if (pause.get().compareTo(limits.maxWait()) > 0) {
                throw new IllegalStateException("the API's rate limit is spent and resets in " + pause.get().toSeconds()
                        + " s, more than maxWaitSeconds (" + limits.maxWait().toSeconds() + ")");
            }
            exchange.setProperty(PAUSE, pause.get());
            LOG.info("{}: rate limit budget spent ({}); waiting until {}", source,
                    limits.rateLimits().remainingHeader(), WaitEnd.after(pause.get()));
        }
    }
}
