package io.caravan.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checkpoints of every source in one database (table {@code caravan_checkpoint}), with their
 * landed pages and failed pages. Statements join the transaction open on the calling thread, so a
 * checkpoint commits with the batch it follows. In a pass shared by replicas, a session's row also
 * holds its lease, and a store opened {@link #leasedBy by a replica} commits only the sessions that
 * replica holds (or that no replica holds).
 */
public final class CheckpointStore {

    private static final String COLUMNS = "source, status, next_request, page_records_done, page_last_key,"
            + " high_water_mark, pass_mark, pages, records, error, updated_at, landed_keys";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> KEYS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    /** The replica whose leases fence this store's saves, or {@code null}. */
    private final String leaseOwner;

    private CheckpointStore(JdbcTemplate jdbc, String leaseOwner) {
        this.jdbc = jdbc;
        this.leaseOwner = leaseOwner;
    }

    /** The store in {@code dataSource}, creating its tables when missing. */
    public static CheckpointStore open(DataSource dataSource) throws SQLException {
        StateSchema.create(dataSource);
        return new CheckpointStore(new JdbcTemplate(dataSource), null);
    }

    /**
     * This store for the replica {@code owner}: a checkpoint it saves for a session another replica
     * holds is refused with a {@link LeaseLostException}, so a replica that lost its lease (paused past
     * it) cannot move a checkpoint the new holder moves.
     */
    public CheckpointStore leasedBy(String owner) {
        return new CheckpointStore(jdbc, owner);
    }

    /** The source's checkpoint, if it has one. */
    public Optional<Checkpoint> load(String source) {
        return jdbc.query("SELECT " + COLUMNS + " FROM " + StateSchema.CHECKPOINTS + " WHERE source = ?",
                CheckpointStore::read, source).stream().findFirst();
    }

    /** Every checkpoint, by source name. */
    public List<Checkpoint> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM " + StateSchema.CHECKPOINTS + " ORDER BY source",
                CheckpointStore::read);
    }

    /**
     * The checkpoints of the source's sessions other than its own (the slices of a backfill, the page
     * ranges fetched in parallel), named {@code source/label}, by name.
     */
    public List<Checkpoint> sessions(String source) {
        // Every name starting "source/": '/' + 1 is '0'.
        return jdbc.query("SELECT " + COLUMNS + " FROM " + StateSchema.CHECKPOINTS + " WHERE source > ? AND source < ?"
                + " ORDER BY source", CheckpointStore::read, source + "/", source + "0");
    }

    /** Forgets one session's checkpoint (a slice replaced by its halves). */
    public void forget(String session) {
        jdbc.update("DELETE FROM " + StateSchema.CHECKPOINTS + " WHERE source = ?", session);
    }

    /** Forgets the checkpoints of the source's sessions (a new pass plans its own). */
    public void forgetSessions(String source) {
        jdbc.update("DELETE FROM " + StateSchema.CHECKPOINTS + " WHERE source > ? AND source < ?", source + "/", source + "0");
    }

    /** Stores the checkpoint, replacing the source's previous one. */
    public void save(Checkpoint checkpoint) {
        Object[] values = {checkpoint.status().name(), RequestJson.write(checkpoint.next()), checkpoint.pageRecordsDone(),
            checkpoint.pageLastKey(), checkpoint.highWaterMark(), checkpoint.passMark(), checkpoint.pages(), checkpoint.records(),
            checkpoint.error(), Timestamp.from(checkpoint.updatedAt()), keys(checkpoint.landedKeys()), checkpoint.source()};
        String update = "UPDATE " + StateSchema.CHECKPOINTS + " SET status = ?, next_request = ?,"
                + " page_records_done = ?, page_last_key = ?, high_water_mark = ?, pass_mark = ?, pages = ?, records = ?, error = ?,"
                + " updated_at = ?, landed_keys = ? WHERE source = ?";
        int updated = leaseOwner == null ? jdbc.update(update, values)
                : jdbc.update(update + " AND (lease_owner IS NULL OR lease_owner = ?)", append(values, leaseOwner));
        if (updated == 0 && leaseOwner != null && load(checkpoint.source()).isPresent()) {
            throw new LeaseLostException(checkpoint.source());
        }
        if (updated == 0) {
            jdbc.update("INSERT INTO " + StateSchema.CHECKPOINTS + " (status, next_request, page_records_done,"
                    + " page_last_key, high_water_mark, pass_mark, pages, records, error, updated_at, landed_keys, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    /**
     * Takes the lease on {@code session} for {@code owner} until {@code until} (epoch milliseconds), if
     * the session is not done and no other replica holds a lease on it that lasts past {@code now}.
     */
    public boolean claim(String session, String owner, long until, long now) {
        return jdbc.update("UPDATE " + StateSchema.CHECKPOINTS + " SET lease_owner = ?, lease_until = ? WHERE source = ?"
                + " AND status <> ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)",
                owner, until, session, RunStatus.COMPLETED.name(), owner, now) == 1;
    }

    /** Extends {@code owner}'s lease on {@code session} to {@code until}; false when it holds none now. */
    public boolean renew(String session, String owner, long until) {
        return jdbc.update("UPDATE " + StateSchema.CHECKPOINTS + " SET lease_until = ? WHERE source = ? AND lease_owner = ?",
                until, session, owner) == 1;
    }

    /** Gives {@code owner}'s lease on {@code session} up, so that another replica may take it at once. */
    public void release(String session, String owner) {
        jdbc.update("UPDATE " + StateSchema.CHECKPOINTS + " SET lease_owner = NULL, lease_until = NULL WHERE source = ?"
                + " AND lease_owner = ?", session, owner);
    }

    /** The checkpoints of the source's sessions other than its own, each with its lease, by name. */
    public List<SessionLease> sessionLeases(String source) {
        return jdbc.query("SELECT " + COLUMNS + ", lease_owner, lease_until FROM " + StateSchema.CHECKPOINTS
                + " WHERE source > ? AND source < ? ORDER BY source", this::readLease, source + "/", source + "0");
    }

    /** The checkpoint of one session (the source's own, or another), with its lease. */
    public Optional<SessionLease> sessionLease(String session) {
        return jdbc.query("SELECT " + COLUMNS + ", lease_owner, lease_until FROM " + StateSchema.CHECKPOINTS
                + " WHERE source = ?", this::readLease, session).stream().findFirst();
    }

    private SessionLease readLease(ResultSet row, int index) throws SQLException {
        return new SessionLease(read(row, index), row.getString("lease_owner"), row.getLong("lease_until"));
    }

    /**
     * Writes the source's own row when it is missing, outside any transaction (call it with none open),
     * so that {@link #lockPass} has a row to lock; a replica writing it at the same time is no error.
     */
    public void ensurePassRow(String source) {
        if (load(source).isPresent()) {
            return;
        }
        try {
            jdbc.update("INSERT INTO " + StateSchema.CHECKPOINTS + " (source, status, page_records_done, pages, records,"
                    + " updated_at) VALUES (?, ?, 0, 0, 0, ?)", source, RunStatus.COMPLETED.name(), Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException written) {
            // Another replica wrote it first.
        }
    }

    /**
     * Locks the source's own row (see {@link #ensurePassRow}) for the transaction open on this thread,
     * so that replicas starting a run together plan one pass between them: the first plans it, the
     * others wait on the lock and then join it.
     */
    public void lockPass(String source) {
        jdbc.query("SELECT source FROM " + StateSchema.CHECKPOINTS + " WHERE source = ? FOR UPDATE",
                (row, index) -> row.getString(1), source);
    }

    /** The fingerprint of the settings the source's open pass was started with, or {@code null}. */
    public String settingsOf(String source) {
        return jdbc.query("SELECT settings FROM " + StateSchema.CHECKPOINTS + " WHERE source = ?",
                (row, index) -> row.getString("settings"), source).stream().filter(Objects::nonNull)
                .map(String::trim).findFirst().orElse(null);
    }

    /** Records the fingerprint of the settings a new pass of the source starts with (its own row exists). */
    public void recordSettings(String source, String fingerprint) {
        jdbc.update("UPDATE " + StateSchema.CHECKPOINTS + " SET settings = ? WHERE source = ?", fingerprint, source);
    }

    /** The pages of the source's current pass that landed. */
    public LandedPages landedPages(String source) {
        return new LandedPages(jdbc, source);
    }

    /** The pages that failed after their retries, per source. */
    public FailedPages failedPages() {
        return new FailedPages(jdbc);
    }

    /** The request slots of API hosts shared by the replicas using this store. */
    public RateSlots rateSlots() {
        return new RateSlots(jdbc);
    }

    /** The records the database refused, per source. */
    public Quarantine quarantine() {
        return new Quarantine(jdbc);
    }

    /** Forgets everything about the source: its next run starts from the first page. True if there was state. */
    public boolean reset(String source) {
        int rows = jdbc.update("DELETE FROM " + StateSchema.CHECKPOINTS + " WHERE source = ? OR (source > ? AND source < ?)",
                source, source + "/", source + "0");
        rows += jdbc.update("DELETE FROM " + StateSchema.LANDED_PAGES + " WHERE processor_name = ?", source);
        rows += jdbc.update("DELETE FROM " + StateSchema.FAILED_PAGES + " WHERE source = ?", source);
        return rows > 0;
    }

    private static Object[] append(Object[] values, Object more) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = more;
        return all;
    }

    private static Checkpoint read(ResultSet row, int index) throws SQLException {
        Timestamp updated = row.getTimestamp("updated_at");
        return new Checkpoint(row.getString("source"), RunStatus.valueOf(row.getString("status")),
                RequestJson.read(row.getString("next_request")), row.getInt("page_records_done"),
                row.getString("page_last_key"), row.getString("high_water_mark"), row.getString("pass_mark"), row.getLong("pages"),
                row.getLong("records"), row.getString("error"), updated == null ? Instant.EPOCH : updated.toInstant(),
                keys(row.getString("landed_keys")));
    }

    private static String keys(List<String> keys) {
        try {
            return keys.isEmpty() ? null : JSON.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> keys(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, KEYS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored landed keys are not readable: " + e.getOriginalMessage(), e);
        }
    }
}
