package io.caravan.load;

import io.caravan.config.LoadSettings;
import io.caravan.plan.RunPlanner;
import io.caravan.plan.Session;
import io.caravan.records.RowFields;
import io.caravan.run.SessionRun;
import io.caravan.run.Source;
import io.caravan.state.CheckpointStore;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a flush, which the route runs in one transaction: the batch taken for the sink, then
 * (after the sink has it) its pages landed and the checkpoint moved, then, once committed, the
 * session counts it as landed.
 */
public final class FlushSteps {

    /** Exchange property holding the batch being flushed. */
    private static final String FLUSH = "CaravanFlush";

    /** The flush of a source without checkpoints into a sink outside any database: no transaction. */
    private static final Policy NO_TRANSACTION = new Policy() {
        @Override
        public void beforeWrap(Route route, NamedNode definition) {
            // nothing to prepare
        }

        @Override
        public Processor wrap(Route route, Processor processor) {
            return processor;
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(FlushSteps.class);

    private final Source source;
    private final LoadSettings settings;
    private final String sink;

    /** @param sink the endpoint the route flushes to, or {@code null} when records go elsewhere one by one (the Kamelet) */
    public FlushSteps(Source source, String sink) {
        this.source = source;
        this.settings = source.settings().load();
        this.sink = sink;
    }

    /**
     * The policy around a flush: one transaction for the sink's batch, the landed pages and the
     * checkpoint when any of them is in the database; none otherwise.
     */
    public Policy transaction() {
        return settings.checkpoints() || settings.table() != null ? source.transaction() : NO_TRANSACTION;
    }

    /**
     * Takes the batch due for the sink as the body: a List of row maps, or for the JDBC sink the
     * rows' positional parameters with the upsert statement in {@code CamelSqlQuery}.
     */
    public void take(Exchange exchange) throws Exception {
        put(exchange, SessionRun.of(exchange).takeBatch());
    }

    private void put(Exchange exchange, Flush flush) throws Exception {
        exchange.setProperty(FLUSH, flush);
        exchange.getMessage().getHeaders().clear();
        if (settings.table() == null) {
            exchange.getMessage().setBody(flush.rows());
        } else {
            exchange.getMessage().setBody(settings.table().parameters(flush.rows()));
            exchange.getMessage().setHeader("CamelSqlQuery", settings.table().upsertSql(source.dataSource()));
        }
    }

    /** The batch being flushed on {@code exchange} is now {@code flush} (records of it were quarantined). */
    static void replace(Exchange exchange, Flush flush) {
        exchange.setProperty(FLUSH, flush);
    }

    /** Whether the batch taken has records for the sink (a batch may only complete pages of repeats). */
    public static boolean hasRecords(Exchange exchange) {
        return !inFlight(exchange).rows().isEmpty();
    }

    /** The batch being flushed on {@code exchange}, or {@code null}. */
    public static Flush inFlight(Exchange exchange) {
        return exchange.getProperty(FLUSH, Flush.class);
    }

    /** In the batch's transaction, after the sink has it: its pages are landed and the checkpoint moves. */
    public void commit(Exchange exchange) {
        if (!settings.checkpoints()) {
            return;
        }
        Flush flush = inFlight(exchange);
        CheckpointStore store = source.store();
        source.landedPages().addAll(flush.pageKeys());
        if (source.failedPagesPending()) {
            store.failedPages().resolve(source.name(), flush.pageKeys());
        }
        store.save(flush.checkpoint());
        for (Session spawned : flush.spawned()) {
            store.save(RunPlanner.fresh(spawned, null));
        }
    }

    /**
     * A session failed between pages: the pages it read whole land now, with a checkpoint at the failed
     * request, in one transaction as a flush does, so the next run fetches only from the failed page.
     * What cannot land is logged; the failure is reported either way.
     */
    public void landWholePages(Exchange failed) {
        SessionRun run = SessionRun.of(failed);
        if (sink == null || settings.collects() || !run.hasWholePagesToLand()) {
            return;
        }
        Exchange flush = failed.copy();
        flush.setException(null);
        flush.getExchangeExtension().setTransacted(true);
        try {
            put(flush, run.takeWholePages());
            Runnable work = () -> {
                if (hasRecords(flush)) {
                    try (ProducerTemplate producer = flush.getContext().createProducerTemplate()) {
                        producer.send(sink, flush);
                    } catch (java.io.IOException closing) {
                        throw new IllegalStateException(closing);
                    }
                    if (flush.getException() != null) {
                        throw new IllegalStateException(flush.getException());
                    }
                }
                commit(flush);
            };
            if (transaction() == source.transaction()) {
                source.transaction().separately(work);
            } else {
                work.run();
            }
            landed(flush);
            LOG.info("{}: the {} whole pages read before the failure landed", source.name(), inFlight(flush).pageKeys().size());
        } catch (Exception e) {
            run.landing().abandon();
            // Not landed: its records are not repeats for another session of the run.
            inFlight(flush).rows().forEach(row -> source.seenKeys().remove((String) row.get(RowFields.KEY)));
            LOG.warn("{}: the pages read before the failure could not land: {}", source.name(),
                    source.settings().request().credentials().redact(String.valueOf(e.getMessage())));
        }
    }

    /** The batch's transaction committed. */
    public void landed(Exchange exchange) {
        SessionRun run = SessionRun.of(exchange);
        long before = run.landing().recordsLoaded();
        run.landing().commit(inFlight(exchange));
        source.meters().landed(run.landing().recordsLoaded() - before);
    }
}
