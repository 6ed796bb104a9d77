package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;

/**
 * What a run has paged through so far: pages and records, and the totals the API announced (read
 * from the first page that carries them; later pages may omit them or send null).
 */
public final class PagingTally {

    private final long pagesBefore;
    private final long recordsBefore;
    private long pages;
    private long records;
    private Long totalPages;
    private Long totalRecords;

    /** A tally of a new pass. */
    public PagingTally() {
        this(0, 0);
    }

    /** A tally of a run resuming a pass in which {@code pagesBefore} pages of {@code recordsBefore} records came before. */
    public PagingTally(long pagesBefore, long recordsBefore) {
        this.pagesBefore = pagesBefore;
        this.recordsBefore = recordsBefore;
    }

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

    /** Pages of the pass so far, including those before a resume: what the API's totals count. */
    public long passPages() {
        return pagesBefore + pages;
    }

    /** Records of the pass so far, including those before a resume. */
    public long passRecords() {
        return recordsBefore + records;
    }

    Long totalPages(JsonPaths path, JsonNode body) {
        if (totalPages == null) {
            totalPages = path.count(body);
        }
        return totalPages;
    }

    Long totalRecords(JsonPaths path, JsonNode body) {
        if (totalRecords == null) {
            totalRecords = path.count(body);
        }
        return totalRecords;
    }
}
