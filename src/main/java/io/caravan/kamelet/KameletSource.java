package io.caravan.kamelet;

import io.caravan.config.SourceParameters;
import io.caravan.config.SourceSettings;
import io.caravan.records.RowFields;
import io.caravan.route.FetchRoute;
import io.caravan.route.HeapGuard;
import io.caravan.route.SourceSteps;
import io.caravan.run.Run;
import io.caravan.run.SessionRun;
import io.caravan.run.SourceFailedException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The bean behind the {@code paginated-http-source} Kamelet: Camel binds every Kamelet property into it
 * (through {@link KameletSourceConfigurer}), and the Kamelet's steps call its methods, which are the
 * route template's {@link SourceSteps}. It is also the Kamelet's idempotent repository (the keys seen
 * in the current run).
 */
public final class KameletSource extends ServiceSupport implements IdempotentRepository {

    /**
     * What a Kamelet run is: records streamed one by one to {@code kamelet:sink} (no landing table), no checkpoint store (so no high-water mark
     * and no slices), one session (pages in order).
     */
    private static final Map<String, String> SINK_SETTINGS = Map.of("mode", "stream", "batchSize", "1000",
            "checkpoint", "false", "concurrency", "1", "sink", "kamelet:sink");

    private final Map<String, String> properties = new HashMap<>(SINK_SETTINGS);
    private volatile SourceSteps steps;

    /** Sets one Kamelet property (already resolved by Camel); a blank one is left unset. */
    void property(String name, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(name, value);
        }
    }

    /** Starts a run; on the first one, reads and validates the properties. */
    public void startRun(Exchange exchange) throws Exception {
        FetchRoute.requireIn(exchange.getContext());
        SourceSteps current = steps(exchange);
        current.start().start(exchange);
        exchange.getMessage().setBody(Run.of(exchange).takePending().get(0));
        current.sessions().open(exchange);
    }

    public void sendNext(Exchange exchange) {
        steps.requests().sendNext(exchange);
    }

    public void readPage(Exchange exchange) throws Exception {
        HeapGuard.guard(steps.pages()::read).process(exchange);
    }

    /** Sends the next request while the page's records go to the sink (prefetch). */
    public void sendAhead(Exchange exchange) {
        steps.ahead().send(exchange);
    }

    /** The record of a row, as the message body for the sink: its JSON, with its key in a header. */
    public void emit(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        exchange.getMessage().setHeader("CaravanRecordKey", row.get(RowFields.KEY));
        exchange.getMessage().setHeader("CaravanSource", row.get(RowFields.SOURCE));
        exchange.getMessage().setBody(row.get(RowFields.PAYLOAD));
    }

    /** A record went to the sink: it counts as delivered in the run's summary. */
    public void delivered(Exchange exchange) {
        SessionRun.of(exchange).landing().delivered();
        steps.source().meters().landed(1);
    }

    /** A page is handled: progress is reported (records went to the sink one by one, no batch waits). */
    public void pageDone(Exchange exchange) {
        SessionRun.of(exchange).pageDone(false);
    }

    /**
     * A run failed: it is reported as the route template reports a failed run, in one line naming the
     * source, the page and the cause, then its summary. A failure before the run started has no run to end.
     */
    public void failRun(Exchange exchange) {
        Exception cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (steps == null || cause == null || exchange.getProperty(SessionRun.PROPERTY) == null) {
            return;
        }
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        steps.failures().fail(exchange);
        try {
            finishRun(exchange);
        } catch (SourceFailedException reported) {
            // The run's failure, reported above: the calling route's error handler has had the exception already.
        }
    }

    public void finishRun(Exchange exchange) {
        steps.sessions().close(exchange);
        steps.finish().finish(exchange);
    }

    private SourceSteps steps(Exchange exchange) {
        SourceSteps current = steps;
        if (current == null) {
            synchronized (this) {
                if (steps == null) {
                    String where = "Kamelet paginated-http-source of source '" + properties.get("source") + "'";
                    SourceSettings settings = SourceSettings.read(
                            SourceParameters.read(properties, where, exchange.getContext()), exchange.getContext());
                    steps = SourceSteps.of(settings, exchange.getContext(), null);
                }
                current = steps;
            }
        }
        return current;
    }

    private IdempotentRepository seen() {
        if (steps == null) {
            throw new IllegalStateException("no run of the Kamelet has started");
        }
        return steps.source().seenKeys();
    }

    @Override
    public boolean add(String key) {
        return seen().add(key);
    }

    @Override
    public boolean contains(String key) {
        return seen().contains(key);
    }

    @Override
    public boolean remove(String key) {
        return seen().remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return seen().confirm(key);
    }

    @Override
    public void clear() {
        seen().clear();
    }
}
