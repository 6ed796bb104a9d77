package io.caravan.state;

import io.caravan.load.SqlDialect;
import io.caravan.load.TableCreation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/** The state tables (checkpoints with their sessions' leases, landed pages, failed pages, quarantined records, rate slots), created when missing in the database's dialect. */
final class StateSchema {

    static final String CHECKPOINTS = "caravan_checkpoint";
    static final String LANDED_PAGES = "caravan_landed_page";
    static final String FAILED_PAGES = "caravan_failed_page";
    static final String QUARANTINE = "caravan_quarantine";
    static final String RATE_SLOTS = "caravan_rate_slot";

    private StateSchema() {
    }

    /** The DataSources whose tables this process has made sure of: once each, not once per source and run. */
    private static final Set<DataSource> READY = Collections.newSetFromMap(new WeakHashMap<>());

    /**
     * Creates what is missing, once per DataSource in this process and one source at a time: sources
     * starting together would otherwise alter the same table at once (H2 fails such concurrent DDL).
     */
    static synchronized void create(DataSource dataSource) throws SQLException {
        if (READY.contains(dataSource)) {
            return;
        }
        createMissing(dataSource);
        READY.add(dataSource);
    }

    private static void createMissing(DataSource dataSource) throws SQLException {
        SqlDialect dialect = SqlDialect.of(dataSource);
        String text = dialect.textType();
        String time = dialect.timestampType();
        TableCreation.ifMissing(dataSource, CHECKPOINTS, "CREATE TABLE IF NOT EXISTS " + CHECKPOINTS + " (source VARCHAR(200) NOT NULL PRIMARY KEY,"
                + " status VARCHAR(20) NOT NULL, next_request " + text + ", page_records_done INT NOT NULL,"
                + " page_last_key VARCHAR(512), high_water_mark VARCHAR(200), pass_mark VARCHAR(200), pages BIGINT NOT NULL,"
                + " records BIGINT NOT NULL, error " + text + ", updated_at " + time + " NOT NULL)");
        // A checkpoint table from before incremental passes lacks the pass mark.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + CHECKPOINTS + " ADD COLUMN IF NOT EXISTS pass_mark VARCHAR(200)");
            // Nor, from before a pass knew its settings, their fingerprint.
            statement.execute("ALTER TABLE " + CHECKPOINTS + " ADD COLUMN IF NOT EXISTS settings CHAR(64)");
            // Nor, from before resumes counted the last page's keys as seen, those keys.
            statement.execute("ALTER TABLE " + CHECKPOINTS + " ADD COLUMN IF NOT EXISTS landed_keys " + text);
            // Nor, from before replicas shared a pass, the lease on a session.
            statement.execute("ALTER TABLE " + CHECKPOINTS + " ADD COLUMN IF NOT EXISTS lease_owner VARCHAR(200)");
            statement.execute("ALTER TABLE " + CHECKPOINTS + " ADD COLUMN IF NOT EXISTS lease_until BIGINT");
        }
        TableCreation.ifMissing(dataSource, LANDED_PAGES, "CREATE TABLE IF NOT EXISTS " + LANDED_PAGES + " (processor_name VARCHAR(200) NOT NULL,"
                + " page_key CHAR(64) NOT NULL, landed_at " + time + " NOT NULL, PRIMARY KEY (processor_name, page_key))");
        TableCreation.ifMissing(dataSource, FAILED_PAGES, "CREATE TABLE IF NOT EXISTS " + FAILED_PAGES + " (source VARCHAR(200) NOT NULL,"
                + " page_key CHAR(64) NOT NULL, request " + text + " NOT NULL, status INT, error " + text + ","
                + " failed_at " + time + " NOT NULL, PRIMARY KEY (source, page_key))");
        TableCreation.ifMissing(dataSource, QUARANTINE, "CREATE TABLE IF NOT EXISTS " + QUARANTINE + " (source VARCHAR(200) NOT NULL,"
                + " record_key VARCHAR(512) NOT NULL, page INT NOT NULL, reason " + text + " NOT NULL, record " + text + " NOT NULL,"
                + " quarantined_at " + time + " NOT NULL, PRIMARY KEY (source, record_key))");
        TableCreation.ifMissing(dataSource, RATE_SLOTS, "CREATE TABLE IF NOT EXISTS " + RATE_SLOTS + " (host VARCHAR(300) NOT NULL"
                + " PRIMARY KEY, next_at BIGINT NOT NULL)");
    }
}
