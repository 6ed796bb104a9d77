package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The composable conditions that end a run after a page, each off unless configured: an empty page,
 * a has-more flag that is false ({@code false}, {@code "false"} or {@code 0}; a missing or null flag is
 * false too, as APIs whose JSON omits default values send it: etcd's {@code more}, protobuf's JSON), the
 * announced exact total of pages or records reached, a short page
 * (opt-in: it silently loses data on APIs that return fewer than asked), and soft caps on pages or
 * records. A style that follows a token also ends when the token is missing, in its paginator.
 */
public final class StopConditions {

    private final boolean onEmptyPage;
    private final JsonPaths hasMore;
    private final Totals totals;
    private final int shortPageBelow;
    private final long afterPages;
    private final long afterRecords;

    /**
     * @param onEmptyPage      stop on a page without records
     * @param hasMorePath      JSONPath to a has-more flag, or blank
     * @param totals           where the API announces its totals
     * @param shortPageBelow   stop on a page with fewer records than this (0: never)
     * @param afterPages       stop after this many pages (0: never)
     * @param afterRecords     stop after this many records (0: never)
     */
    public StopConditions(boolean onEmptyPage, String hasMorePath, Totals totals, int shortPageBelow, long afterPages,
            long afterRecords) {
        this.onEmptyPage = onEmptyPage;
        this.hasMore = path(hasMorePath);
        this.totals = totals;
        this.shortPageBelow = shortPageBelow;
        this.afterPages = afterPages;
        this.afterRecords = afterRecords;
    }

    /** The has-more flag's JSONPath, or {@code null}. */
    public String hasMorePath() {
        return hasMore == null ? null : hasMore.toString();
    }

    /** Where the API announces its totals. */
    public Totals totals() {
        return totals;
    }

    /** Why the run ends after {@code page} ({@code tally} already counts it), or empty to go on. */
    public Optional<String> reasonToStop(Page page, PagingTally tally) {
        return reasonToStop(page, tally, () -> false);
    }

    /**
     * As {@link #reasonToStop(Page, PagingTally)}; a missing has-more flag is not false on a page where
     * {@code apiOffersNext} (the API handed out a next page: a token, a link), as a token saying more wins.
     */
    public Optional<String> reasonToStop(Page page, PagingTally tally, BooleanSupplier apiOffersNext) {
        int size = page.records();
        if (onEmptyPage && size == 0) {
            return Optional.of("empty page");
        }
        if (hasMore != null) {
            JsonNode flag = hasMore.read(page.body());
            Optional<String> noMore = noMore(flag);
            boolean missing = flag.isMissingNode() || flag.isNull();
            if (noMore.isPresent() && missing && apiOffersNext.getAsBoolean()) {
                tally.flagMissingButFollowed();
            } else if (noMore.isPresent()) {
                return noMore;
            }
        }
        // A lower bound is not a stop: there may be more.
        if (!tally.totalIsLowerBound() && tally.totalPages() != null && tally.passPages() >= tally.totalPages()) {
            return Optional.of("all " + tally.totalPages() + " pages read");
        }
        if (!tally.totalIsLowerBound() && tally.totalRecords() != null && tally.passRecords() >= tally.totalRecords()) {
            return Optional.of("all " + tally.totalRecords() + " records read");
        }
        if (shortPageBelow > 0 && page.received() < shortPageBelow) {
            return Optional.of("short page (" + page.received() + " < " + shortPageBelow + " records)");
        }
        if (afterPages > 0 && tally.passPages() >= afterPages) {
            return Optional.of("stopAfterPages " + afterPages + " reached");
        }
        if (afterRecords > 0 && tally.passRecords() >= afterRecords) {
            return Optional.of("stopAfterRecords " + afterRecords + " reached");
        }
        return Optional.empty();
    }

    /** Why the has-more flag says no more, or empty when it says more; a flag that is neither fails. */
    private Optional<String> noMore(JsonNode flag) {
        if (flag.isMissingNode() || flag.isNull()) {
            return Optional.of(hasMore + " is missing (read as false)");
        }
        String text = flag.asText();
        if (flag.isBoolean() || flag.isTextual() && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return text.equalsIgnoreCase("false") ? Optional.of(hasMore + " is false") : Optional.empty();
        }
        if (flag.isIntegralNumber() && (text.equals("0") || text.equals("1"))) {
            return text.equals("0") ? Optional.of(hasMore + " is 0") : Optional.empty();
        }
        throw new IllegalArgumentException("the has-more flag " + hasMore + " is " + flag + ", not true or false");
    }

    private static JsonPaths path(String expression) {
        return expression == null || expression.isBlank() ? null : JsonPaths.compile(expression);
    }
}
