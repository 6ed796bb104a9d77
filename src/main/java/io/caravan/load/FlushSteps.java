package io.caravan.load;

import io.caravan.config.LoadSettings;
import io.caravan.plan.RunPlanner;
import io.caravan.plan.Session;
import io.caravan.run.SessionRun;
import io.caravan.run.Source;
import io.caravan.state.CheckpointStore;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;

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

    private final Source source;
    private final LoadSettings settings;

    public FlushSteps(Source source) {
        this.source = source;
        this.settings = source.settings().load();
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
        Flush flush = SessionRun.of(exchange).takeBatch();
        exchange.setProperty(FLUSH, flush);
        exchange.getMessage().getHeaders().clear();
        if (settings.table() == null) {
            exchange.getMessage().setBody(flush.rows());
        } else {
            exchange.getMessage().setBody(settings.table().parameters(flush.rows()));
            exchange.getMessage().setHeader("CamelSqlQuery", settings.table().upsertSql(source.dataSource()));
        }
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

    /** The batch's transaction committed. */
    public void landed(Exchange exchange) {
        SessionRun.of(exchange).flushCommitted(inFlight(exchange));
    }
}
