package io.caravan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.paging.AddressedPaginator;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages after the first, fetched as ranges in parallel once the first page tells how many there
 * are (a total of pages, or of records with the page size) and the style addresses pages directly.
 *
 * @param paginator    the style (page number or offset)
 * @param totalPages   JSONPath to the total of pages, or {@code null}
 * @param totalRecords JSONPath to the total of records, or {@code null}
 * @param pageSize     records per page (to count pages from records), or 0
 * @param ranges       how many ranges to cut the pages into (more than run at once, to even them out)
 */
public record ParallelPages(AddressedPaginator paginator, JsonPaths totalPages, JsonPaths totalRecords, int pageSize,
        int ranges) {

    private static final String PREFIX = "pages ";

    /** The number of pages the first page announces, or 0 when it does not tell. */
    public long total(JsonNode firstPage) {
        Long pages = totalPages == null ? null : totalPages.count(firstPage);
        if (pages != null) {
            return pages;
        }
        Long records = totalRecords == null || pageSize == 0 ? null : totalRecords.count(firstPage);
        return records == null ? 0 : (records + pageSize - 1) / pageSize;
    }

    /** The sessions fetching pages 2..{@code total}; {@code following} is the request of page 2. */
    public List<Session> sessions(String source, PageRequest following, long total) {
        int pages = (int) total - 1;
        int size = (pages + ranges - 1) / ranges;
        List<Session> sessions = new ArrayList<>();
        for (int from = 1; from < total; from += size) {
            sessions.add(session(source, following, from, (int) Math.min(total, from + size)));
        }
        return sessions;
    }

    /** The session of a range, from its label ({@code pages 2..64}); {@code following} is the request of page 2. */
    public Session session(String source, PageRequest following, String label) {
        String[] numbers = label.substring(PREFIX.length()).split("\\.\\.");
        return session(source, following, Integer.parseInt(numbers[0]) - 1, Integer.parseInt(numbers[1]));
    }

    private Session session(String source, PageRequest following, int fromIndex, int endIndex) {
        String label = PREFIX + (fromIndex + 1) + ".." + endIndex;
        return new Session(source + "/" + label, label, paginator.page(following, fromIndex), endIndex, null);
    }
}
