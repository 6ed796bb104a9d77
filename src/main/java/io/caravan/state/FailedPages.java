package io.caravan.state;

import io.caravan.request.PageRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger of pages that still failed after their retries (table {@code caravan_failed_page}):
 * the request, the HTTP status if any and the error. A page leaves the ledger when it lands.
 */
public final class FailedPages {

    /**
     * One failed page.
     *
     * @param source   the source
     * @param request  the request that failed
     * @param status   the HTTP status, or {@code null} when the failure was not an HTTP answer
     * @param error    what went wrong
     * @param failedAt when
     */
    public record FailedPage(String source, PageRequest request, Integer status, String error, Instant failedAt) {
    }

    private final JdbcTemplate jdbc;

    FailedPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a failure of the page, replacing an earlier one of the same page. */
    public void record(String source, PageRequest request, Integer status, String error) {
        String key = RequestJson.pageKey(request.fingerprint());
        jdbc.update("DELETE FROM " + StateSchema.FAILED_PAGES + " WHERE source = ? AND page_key = ?", source, key);
        jdbc.update("INSERT INTO " + StateSchema.FAILED_PAGES + " (source, page_key, request, status, error, failed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", source, key, RequestJson.write(request), status, error,
                new Timestamp(System.currentTimeMillis()));
    }

    /** The pages landed: they leave the ledger. */
    public void resolve(String source, List<String> pageKeys) {
        if (pageKeys.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(pageKeys.size() + 1);
        args.add(source);
        args.addAll(pageKeys);
        jdbc.update("DELETE FROM " + StateSchema.FAILED_PAGES + " WHERE source = ? AND page_key IN ("
                + String.join(", ", Collections.nCopies(pageKeys.size(), "?")) + ")", args.toArray());
    }

    /** The source's failed pages, oldest first. */
    public List<FailedPage> of(String source) {
        return jdbc.query("SELECT source, request, status, error, failed_at FROM " + StateSchema.FAILED_PAGES
                + " WHERE source = ? ORDER BY failed_at", (row, i) -> new FailedPage(row.getString("source"),
                        RequestJson.read(row.getString("request")), row.getObject("status", Integer.class),
                        row.getString("error"), row.getTimestamp("failed_at").toInstant()), source);
    }
}
