package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;
import java.util.Optional;

/**
 * The composable conditions that end a run after a page, each off unless configured: an empty page,
 * a has-more flag that is false, the announced total of pages or records reached, a short page
 * (opt-in: it silently loses data on APIs that return fewer than asked), and soft caps on pages or
 * records. A style that follows a token also ends when the token is missing, in its paginator.
 */
public final class StopConditions {

    private final boolean onEmptyPage;
    private final JsonPaths hasMore;
    private final JsonPaths totalPages;
    private final JsonPaths totalRecords;
    private final int shortPageBelow;
    private final long afterPages;
    private final long afterRecords;

    /**
     * @param onEmptyPage      stop on a page without records
     * @param hasMorePath      JSONPath to a has-more flag, or blank
     * @param totalPagesPath   JSONPath to the total number of pages, or blank
     * @param totalRecordsPath JSONPath to the total number of records, or blank
     * @param shortPageBelow   stop on a page with fewer records than this (0: never)
     * @param afterPages       stop after this many pages (0: never)
     * @param afterRecords     stop after this many records (0: never)
     */
    public StopConditions(boolean onEmptyPage, String hasMorePath, String totalPagesPath, String totalRecordsPath,
            int shortPageBelow, long afterPages, long afterRecords) {
        this.onEmptyPage = onEmptyPage;
        this.hasMore = path(hasMorePath);
        this.totalPages = path(totalPagesPath);
        this.totalRecords = path(totalRecordsPath);
        this.shortPageBelow = shortPageBelow;
        this.afterPages = afterPages;
        this.afterRecords = afterRecords;
    }

    /** Why the run ends after {@code page} ({@code tally} already counts it), or empty to go on. */
    public Optional<String> reasonToStop(Page page, PagingTally tally) {
        int size = page.records().size();
        if (onEmptyPage && size == 0) {
            return Optional.of("empty page");
        }
        if (hasMore != null) {
            JsonNode flag = hasMore.read(page.body());
            if (flag.isBoolean() && !flag.asBoolean() || flag.isTextual() && flag.asText().equalsIgnoreCase("false")) {
                return Optional.of(hasMore + " is false");
            }
        }
        if (totalPages != null) {
            Long total = tally.totalPages(totalPages, page.body());
            if (total != null && tally.passPages() >= total) {
                return Optional.of("all " + total + " pages read");
            }
        }
        if (totalRecords != null) {
            Long total = tally.totalRecords(totalRecords, page.body());
            if (total != null && tally.passRecords() >= total) {
                return Optional.of("all " + total + " records read");
            }
        }
        if (shortPageBelow > 0 && size < shortPageBelow) {
            return Optional.of("short page (" + size + " < " + shortPageBelow + " records)");
        }
        if (afterPages > 0 && tally.passPages() >= afterPages) {
            return Optional.of("stopAfterPages " + afterPages + " reached");
        }
        if (afterRecords > 0 && tally.passRecords() >= afterRecords) {
            return Optional.of("stopAfterRecords " + afterRecords + " reached");
        }
        return Optional.empty();
    }

    private static JsonPaths path(String expression) {
        return expression == null || expression.isBlank() ? null : JsonPaths.compile(expression);
    }
}
