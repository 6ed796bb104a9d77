package io.caravan.state;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The records the database refused (table {@code caravan_quarantine}): the source, the record's key
 * and page, the database's reason, and the record's JSON as received, so nothing is dropped silently
 * and a record can be looked at and landed by hand. A record quarantined again replaces its row.
 */
public final class Quarantine {

    /**
     * One quarantined record.
     *
     * @param source the source
     * @param key    the record's key (a NUL written as {@code \u0000})
     * @param page   the number of its page
     * @param reason why the database refused it
     * @param record its JSON
     */
    public record QuarantinedRecord(String source, String key, int page, String reason, String record) {
    }

    private final JdbcTemplate jdbc;

    Quarantine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets {@code record} aside, in the transaction open on this thread. */
    public void add(QuarantinedRecord record) {
        String escaped = record.key().replace("\u0000", "\\u0000");
        String key = escaped.length() > 512 ? escaped.substring(0, 512) : escaped;
        jdbc.update("DELETE FROM " + StateSchema.QUARANTINE + " WHERE source = ? AND record_key = ?", record.source(), key);
        jdbc.update("INSERT INTO " + StateSchema.QUARANTINE + " (source, record_key, page, reason, record, quarantined_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", record.source(), key, record.page(), record.reason(), record.record(),
                new Timestamp(System.currentTimeMillis()));
    }

    /** The source's quarantined records, by key. */
    public List<QuarantinedRecord> of(String source) {
        return jdbc.query("SELECT source, record_key, page, reason, record FROM " + StateSchema.QUARANTINE
                + " WHERE source = ? ORDER BY record_key", (row, i) -> new QuarantinedRecord(row.getString(1), row.getString(2),
                        row.getInt(3), row.getString(4), row.getString(5)), source);
    }
}
