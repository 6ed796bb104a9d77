package io.caravan.state;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The request slots of API hosts, shared by every replica using the store (table
 * {@code caravan_rate_slot}): a request books its host's next free slot, each slot a fixed spacing
 * after the one before, and is sent at its slot, so the host receives at most one request per spacing
 * from all replicas together, whichever sends it (the generic cell rate algorithm, one row per host).
 */
public final class RateSlots {

    private final JdbcTemplate jdbc;

    RateSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes {@code host}'s row when missing; call it with no transaction open. A replica writing it at once is no error. */
    public void ensureHost(String host) {
        if (!jdbc.queryForList("SELECT host FROM " + StateSchema.RATE_SLOTS + " WHERE host = ?", String.class, host).isEmpty()) {
            return;
        }
        try {
            jdbc.update("INSERT INTO " + StateSchema.RATE_SLOTS + " (host, next_at) VALUES (?, 0)", host);
        } catch (DuplicateKeyException written) {
            // Another replica wrote it first.
        }
    }

    /**
     * Books {@code host}'s next slot, at {@code now} or later, leaving the one after it {@code spacingMillis}
     * later; call it in a transaction of its own (the host's row is locked until it ends). Returns the
     * slot's time (epoch milliseconds), when the request may go.
     */
    public long book(String host, long spacingMillis, long now) {
        List<Long> next = jdbc.queryForList("SELECT next_at FROM " + StateSchema.RATE_SLOTS + " WHERE host = ? FOR UPDATE",
                Long.class, host);
        if (next.isEmpty()) {
            throw new IllegalStateException("no rate slot row for " + host + " (ensureHost first)");
        }
        long slot = Math.max(now, next.get(0));
        jdbc.update("UPDATE " + StateSchema.RATE_SLOTS + " SET next_at = ? WHERE host = ?", slot + spacingMillis, host);
        return slot;
    }
}
