package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;

/**
 * What a run has paged through so far: pages and records, and the totals the API announced (read
 * from the first page that carries them; later pages may omit them or send null).
 */
public final class PagingTally {

    private long pages;
    private long records;
    private Long totalPages;
    private Long totalRecords;

    /** Counts a page received. */
    public void add(Page page) {
        pages++;
        records += page.records().size();
    }

    public long pages() {
        return pages;
    }

    public long records() {
        return records;
    }

    Long totalPages(JsonPaths path, JsonNode body) {
        if (totalPages == null) {
            totalPages = number(path, body);
        }
        return totalPages;
    }

    Long totalRecords(JsonPaths path, JsonNode body) {
        if (totalRecords == null) {
            totalRecords = number(path, body);
        }
        return totalRecords;
    }

    private static Long number(JsonPaths path, JsonNode body) {
        JsonNode value = path.read(body);
        if (value.isNumber() || (value.isTextual() && value.asText().matches("\\d+"))) {
            return value.asLong();
        }
        return null;
    }
}
