package io.caravan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.paging.ValuePlacement;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import io.caravan.response.RestartSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * A range (of time or ids) walked as slices of a fixed step, each its own pagination session with
 * its own checkpoint row; a slice holding more records than the API's result window is split in
 * two, recursively, down to a minimum step.
 *
 * @param axis         time or number
 * @param from         the range's start, inclusive
 * @param until        the range's end, exclusive, or {@code null} for the time the pass starts
 * @param step         the length of a slice
 * @param minStep      the shortest slice a split may make
 * @param start        where a slice's start goes in its first request
 * @param end          where a slice's end goes
 * @param format       how time bounds are written
 * @param resultWindow the most records the API pages through in one query (0: no limit)
 * @param windowError  the answer by which the API refuses a page past its result window
 * @param totalRecords JSONPath to the records a query holds, announced on its first page, or {@code null}
 */
public record Backfill(Axis axis, long from, Long until, long step, long minStep, ValuePlacement start,
        ValuePlacement end, BoundFormat format, long resultWindow, RestartSignal windowError, JsonPaths totalRecords) {

    /** The slices of {@code [max(from, lowerBound), until)}; {@code now} ends a range without an end. */
    public List<Slice> slices(Long lowerBound, long now) {
        long first = lowerBound == null ? from : Math.max(from, lowerBound);
        long last = until == null ? now : until;
        List<Slice> slices = new ArrayList<>();
        for (long at = first; at < last; at = Math.min(last, at + step)) {
            slices.add(new Slice(axis, at, Math.min(last, at + step)));
        }
        return slices;
    }

    /** The configured first request narrowed to {@code slice}. */
    public PageRequest request(PageRequest configured, Slice slice) {
        PageRequest bounded = start.apply(configured, format.write(axis, slice.from()));
        return end.apply(bounded, format.write(axis, slice.until())).withToken(configured.token());
    }

    /** The records a slice's query holds, as its first page announces, or {@code null}. */
    public Long total(JsonNode page) {
        return totalRecords == null ? null : totalRecords.count(page);
    }

    /**
     * Whether a slice that read {@code records} so far, of {@code total} announced (or {@code null};
     * a lower bound when {@code atLeast}), is past the window.
     */
    public boolean beyondWindow(long records, Long total, boolean atLeast, boolean morePages) {
        if (resultWindow <= 0) {
            return false;
        }
        return total != null && (total > resultWindow || atLeast && total >= resultWindow)
                || morePages && records >= resultWindow;
    }
}
