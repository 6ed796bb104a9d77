package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import java.util.Optional;

/**
 * Time-based paging for APIs that filter on a start time: the start of the next request is the
 * timestamp of the last record received (inclusive, so the record at that instant comes again and
 * the idempotent consumer drops it). The run ends on an empty page or when the start stops moving.
 * More records sharing one timestamp than fit in a page cannot be walked this way: use a keyset with
 * a tiebreaker ({@link LastRecordCursorPaginator}) for such APIs.
 */
public final class LastRecordTimePaginator implements Paginator {

    private final ValuePlacement start;
    private final JsonPaths timeField;
    private final String initialStart;

    /**
     * @param start        where the start time goes
     * @param timeField    JSONPath, within a record, of its timestamp (sent back as the API gave it)
     * @param initialStart the start time of the first request, or blank for none
     */
    public LastRecordTimePaginator(ValuePlacement start, String timeField, String initialStart) {
        this.start = start;
        this.timeField = JsonPaths.compile(timeField);
        this.initialStart = initialStart == null || initialStart.isBlank() ? null : initialStart.trim();
    }

    @Override
    public PageRequest first(PageRequest configured) {
        return initialStart == null ? configured : start.apply(configured, initialStart);
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        JsonNode last = page.lastRecord();
        if (last == null) {
            return Optional.empty();
        }
        Optional<String> time = Tokens.text(timeField.read(last));
        if (time.isEmpty()) {
            throw new IllegalArgumentException("time field " + timeField + " has no value in the last record");
        }
        if (time.get().equals(page.request().token())) {
            return Optional.empty();
        }
        return Optional.of(start.apply(base, time.get()));
    }

    @Override
    public String endReason(Page page) {
        return page.lastRecord() == null ? "an empty page (no last record to take the time from)"
                : "the last record's time equals the page's start (nothing newer)";
    }
}
