package io.caravan.state;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camel's {@link IdempotentRepository} contract at page, not record, granularity: the keys of the
 * pages of a source's current pass that landed (table {@code caravan_landed_page}, processor name
 * = the source). A page key is added only in the transaction that lands the page's records, so a
 * page can never be marked without its records; adding costs one batched statement per flush, and a
 * run reads the keys once, when it resumes, instead of asking per page.
 */
public final class LandedPages extends ServiceSupport implements IdempotentRepository {

    private final JdbcTemplate jdbc;
    private final String processorName;

    LandedPages(JdbcTemplate jdbc, String processorName) {
        this.jdbc = jdbc;
        this.processorName = processorName;
    }

    @Override
    public boolean contains(String pageKey) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + StateSchema.LANDED_PAGES
                + " WHERE processor_name = ? AND page_key = ?", Integer.class, processorName, pageKey);
        return count != null && count > 0;
    }

    /** Every key landed in the pass so far, read in one query (a run reads them once, when it resumes). */
    public Set<String> keys() {
        return new HashSet<>(jdbc.queryForList("SELECT page_key FROM " + StateSchema.LANDED_PAGES
                + " WHERE processor_name = ?", String.class, processorName));
    }

    /** Marks a page landed; call it in the transaction that lands the page. False if it already was. */
    @Override
    public boolean add(String pageKey) {
        if (contains(pageKey)) {
            return false;
        }
        jdbc.update("INSERT INTO " + StateSchema.LANDED_PAGES + " (processor_name, page_key, landed_at) VALUES (?, ?, ?)",
                processorName, pageKey, new Timestamp(System.currentTimeMillis()));
        return true;
    }

    /** Marks pages landed that were checked not to be (one batched statement); call it in their transaction. */
    public void addAll(List<String> pageKeys) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Object[]> rows = pageKeys.stream().map(key -> new Object[] {processorName, key, now}).toList();
        jdbc.batchUpdate("INSERT INTO " + StateSchema.LANDED_PAGES + " (processor_name, page_key, landed_at)"
                + " VALUES (?, ?, ?)", rows);
    }

    @Override
    public boolean remove(String pageKey) {
        return jdbc.update("DELETE FROM " + StateSchema.LANDED_PAGES + " WHERE processor_name = ? AND page_key = ?",
                processorName, pageKey) > 0;
    }

    /** Added keys are already durable. */
    @Override
    public boolean confirm(String pageKey) {
        return true;
    }

    /** Forgets the pass: every page may land again. */
    @Override
    public void clear() {
        jdbc.update("DELETE FROM " + StateSchema.LANDED_PAGES + " WHERE processor_name = ?", processorName);
    }
}
