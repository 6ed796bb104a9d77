package io.caravan.config;

import static io.caravan.config.Parameters.BATCH_SIZE;
import static io.caravan.config.Parameters.CHECKPOINT;
import static io.caravan.config.Parameters.COLLECT_MAX_RECORDS;
import static io.caravan.config.Parameters.DATA_SOURCE;
import static io.caravan.config.Parameters.DB_TIMEOUT_MS;
import static io.caravan.config.Parameters.FLUSH_BYTES;
import static io.caravan.config.Parameters.FLUSH_PAGES;
import static io.caravan.config.Parameters.FLUSH_SECONDS;
import static io.caravan.config.Parameters.MODE;
import static io.caravan.config.Parameters.ON_BAD_RECORD;
import static io.caravan.config.Parameters.SINK;
import static io.caravan.config.Parameters.SOURCE_NAME;
import static io.caravan.config.Parameters.TABLE;

import io.caravan.load.FlushPolicy;
import io.caravan.load.JdbcLandingTable;
import io.caravan.load.SqlNames;
import io.caravan.records.RowLayout;
import java.time.Duration;

/**
 * Where and when records land.
 *
 * @param flush       when batches go to the sink
 * @param table       the landing table of the default JDBC sink, or {@code null} with another sink
 * @param dataSource  the name of the DataSource bean of the JDBC sink and the checkpoints
 * @param checkpoints whether runs commit checkpoints with their batches and resume from them
 * @param collectMax  in collect mode, the most records the run may return; 0 in stream mode
 * @param sink        the endpoint each batch goes to
 * @param dbTimeout   the longest wait for the database: a connection's network, a statement, a commit
 * @param quarantines whether a record the database refuses is quarantined (the run goes on) rather than failing the run
 */
public record LoadSettings(FlushPolicy flush, JdbcLandingTable table, String dataSource, boolean checkpoints,
        int collectMax, String sink, Duration dbTimeout, boolean quarantines) {

    /** Whether the source needs its DataSource: for its landing table or its checkpoints. */
    public boolean usesDatabase() {
        return table != null || checkpoints;
    }

    /** Whether the run returns all records to its caller instead of streaming them to the sink. */
    public boolean collects() {
        return collectMax > 0;
    }

    /** How the default sink's endpoint begins, its data source filled in or not. */
    private static final String DEFAULT_SINK = "sql:caravan-upsert?";

    static LoadSettings read(SourceParameters p, RowLayout layout) {
        int collectMax = p.require(MODE).equals("collect") ? p.require(COLLECT_MAX_RECORDS) : 0;
        String sink = p.require(SINK);
        JdbcLandingTable table = p.get(TABLE) != null ? p.parse(TABLE, name -> new JdbcLandingTable(name, layout))
                // The default sink with no table named: the source's own.
                : sink.startsWith(DEFAULT_SINK)
                        ? new JdbcLandingTable(SqlNames.tableOf(p.require(SOURCE_NAME)), layout) : null;
        return new LoadSettings(new FlushPolicy(p.require(BATCH_SIZE), p.get(FLUSH_PAGES, 0), p.get(FLUSH_BYTES, 0L),
                Duration.ofSeconds(p.get(FLUSH_SECONDS, 0))),
                table,
                p.require(DATA_SOURCE), collectMax == 0 && p.require(CHECKPOINT), collectMax, sink,
                Duration.ofMillis(p.require(DB_TIMEOUT_MS)), p.require(ON_BAD_RECORD).equals("quarantine"));
    }
}
