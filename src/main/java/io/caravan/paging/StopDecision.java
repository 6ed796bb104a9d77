package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.config.PagingSettings;
import io.caravan.plan.Incremental;
import io.caravan.records.RecordSelector;
import io.caravan.request.PageRequest;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether a session ends after a page, and why: a configured {@link StopConditions} fired, a later
 * page lacks the records path (when that ends the run), or a newest-first feed reached records older
 * than the pass's bound.
 */
final class StopDecision {

    private final StopConditions conditions;
    private final MissingRecords onMissingRecords;
    private final RecordSelector selector;
    private final Incremental incremental;

    StopDecision(PagingSettings paging, RecordSelector selector, Incremental incremental) {
        this.conditions = paging.stops();
        this.onMissingRecords = paging.onMissingRecords();
        this.selector = selector;
        this.incremental = incremental;
    }

    /** Whether a page after the first without the records path ends the session (the first page fails: wrong config). */
    boolean endsWithoutRecords(PageRequest request, JsonNode body) {
        return onMissingRecords == MissingRecords.STOP && request.pageIndex() > 0 && !selector.matches(body);
    }

    /** Whether a page without the records path holds no records, the other signals deciding whether more follow. */
    boolean emptyWithoutRecords(JsonNode body) {
        return onMissingRecords == MissingRecords.EMPTY && !selector.matches(body);
    }

    /**
     * Why the session ends after {@code page}, or empty to go on; {@code marks} and {@code bound} for a
     * newest-first feed; {@code apiOffersNext}: whether the API handed out a next page.
     */
    Optional<String> reasonToStop(Page page, PagingTally tally, Incremental.Span marks, Long bound,
            BooleanSupplier apiOffersNext) {
        Optional<String> stop = conditions.reasonToStop(page, tally, apiOffersNext);
        if (stop.isEmpty() && marks != null && incremental.reachedOlder(marks, bound)) {
            return Optional.of("records older than the high-water mark");
        }
        return stop;
    }
}
