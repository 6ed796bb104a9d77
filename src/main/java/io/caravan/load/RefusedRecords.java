package io.caravan.load;

import io.caravan.records.RowFields;
import io.caravan.run.Source;
import io.caravan.state.Quarantine.QuarantinedRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The JDBC sink's batch, the first statement of its transaction (the flush route's {@code doTry}): when the database refuses a record of it (a data error or
 * a constraint, SQL states 22 and 23: a NUL in a string for PostgreSQL's jsonb, a value too long, a
 * check), the batch is rolled back with the transaction and landed record by record, each behind its own
 * savepoint, so the one refused is found. With {@code onBadRecord=quarantine} it goes to the
 * quarantine table with the reason, in the same transaction, and the others land; with {@code fail}
 * the run fails naming the record, its page and the reason. Nothing is dropped either way, and the
 * checkpoint counts only what landed. Other sinks are passed through.
 */
public final class RefusedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedRecords.class);
    /** Exchange property marking a batch on its way to the JDBC sink, the first statement of its transaction. */
    private static final String BATCH_FIRST = "CaravanSinkBatchFirst";

    private final Source source;
    private final JdbcLandingTable table;

    public RefusedRecords(Source source) {
        this.source = source;
        this.table = source.settings().load().table();
    }

    /**
     * Before the batch goes to the JDBC sink. A flush runs on its session's thread (the split's pool),
     * where no other transaction is open, so the batch is the first statement of a transaction begun
     * for it: the transaction's start is its savepoint, and none is set (a round trip to the database
     * per batch).
     */
    public void mark(Exchange exchange) {
        if (table != null) {
            exchange.setProperty(BATCH_FIRST, true);
        }
    }

    /** The batch landed whole. */
    public void release(Exchange exchange) {
        exchange.removeProperty(BATCH_FIRST);
    }

    /** Whether the sink failed because the database refused a record of the batch. */
    public boolean refused(Exchange exchange) {
        // While a doCatch decides, the failure is still the exchange's own.
        Object failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        return table != null && exchange.getProperty(BATCH_FIRST) != null && failure instanceof Throwable t
                && refusal(t) != null;
    }

    /**
     * The batch is rolled back, with the transaction that held nothing before it, and landed record by
     * record, each behind a savepoint of its own; the refused ones are set aside.
     */
    public void landOneByOne(Exchange exchange) throws SQLException {
        exchange.removeProperty(BATCH_FIRST);
        connection().rollback();
        landOneByOne(exchange, table);
    }

    private Connection connection() {
        // The flush transaction's connection, bound to this thread.
        return DataSourceUtils.getConnection(source.dataSource());
    }

    private void landOneByOne(Exchange exchange, JdbcLandingTable table) throws SQLException {
        Flush flush = FlushSteps.inFlight(exchange);
        String upsert = table.upsertSql(source.dataSource());
        JdbcTemplate jdbc = new JdbcTemplate(source.dataSource());
        List<Map<String, Object>> refused = new ArrayList<>();
        for (Map<String, Object> row : flush.rows()) {
            Object[] values = table.parameters(List.of(row)).get(0).toArray();
            try {
                source.transaction().savepoint(() -> jdbc.update(upsert, values));
            } catch (RuntimeException e) {
                String reason = refusal(e);
                if (reason == null) {
                    throw e;
                }
                refuse(row, reason);
                refused.add(row);
            }
        }
        FlushSteps.replace(exchange, flush.quarantining(refused));
    }

    private void refuse(Map<String, Object> row, String reason) {
        String key = (String) row.get(RowFields.KEY);
        int page = (Integer) row.get(RowFields.PAGE);
        if (!source.settings().load().quarantines()) {
            throw new IllegalArgumentException("record " + key + " of page " + page + " was refused by the database: "
                    + reason + "; set onBadRecord=quarantine to set such records aside and go on");
        }
        source.store().quarantine().add(new QuarantinedRecord(source.name(), key, page, reason,
                (String) row.get(RowFields.PAYLOAD)));
        LOG.warn("{}: record {} of page {} quarantined in caravan_quarantine: the database refused it ({})", source.name(),
                key.replace("\u0000", "\\u0000"), page, reason);
    }

    /** Why the database refused a record, when {@code failure} is that (SQL state class 22 or 23); else {@code null}. */
    static String refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    String state = each.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return String.valueOf(each.getMessage()).strip().replaceAll("\\s+", " ");
                    }
                }
            }
        }
        return null;
    }
}
