package io.caravan.load;

import io.caravan.records.RowFields;
import io.caravan.run.Source;
import io.caravan.state.Quarantine.QuarantinedRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The JDBC sink's batch behind a savepoint (the flush route's {@code doTry}): when the database refuses a record of it (a data error or
 * a constraint, SQL states 22 and 23: a NUL in a string for PostgreSQL's jsonb, a value too long, a
 * check), the batch is rolled back to the savepoint and landed record by record, each behind its own
 * savepoint, so the one refused is found. With {@code onBadRecord=quarantine} it goes to the
 * quarantine table with the reason, in the same transaction, and the others land; with {@code fail}
 * the run fails naming the record, its page and the reason. Nothing is dropped either way, and the
 * checkpoint counts only what landed. Other sinks are passed through.
 */
public final class RefusedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedRecords.class);
    /** Exchange property holding the savepoint before the sink's batch. */
    private static final String SAVEPOINT = "CaravanSinkSavepoint";

    private final Source source;
    private final JdbcLandingTable table;

    public RefusedRecords(Source source) {
        this.source = source;
        this.table = source.settings().load().table();
    }

    /** Before the batch goes to the JDBC sink: a savepoint in the flush's transaction. */
    public void mark(Exchange exchange) throws SQLException {
        if (table != null) {
            exchange.setProperty(SAVEPOINT, connection().setSavepoint());
        }
    }

    /** The batch landed whole: its savepoint is released. */
    public void release(Exchange exchange) throws SQLException {
        Savepoint savepoint = exchange.getProperty(SAVEPOINT, Savepoint.class);
        if (savepoint != null) {
            exchange.removeProperty(SAVEPOINT);
            connection().releaseSavepoint(savepoint);
        }
    }

    /** Whether the sink failed because the database refused a record of the batch. */
    public boolean refused(Exchange exchange) {
        // While a doCatch decides, the failure is still the exchange's own.
        Object failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        return table != null && exchange.getProperty(SAVEPOINT) != null && failure instanceof Throwable t
                && refusal(t) != null;
    }

    /** The batch is rolled back to its savepoint and landed record by record; the refused ones are set aside. */
    public void landOneByOne(Exchange exchange) throws SQLException {
        Savepoint savepoint = exchange.getProperty(SAVEPOINT, Savepoint.class);
        exchange.removeProperty(SAVEPOINT);
        connection().rollback(savepoint);
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
