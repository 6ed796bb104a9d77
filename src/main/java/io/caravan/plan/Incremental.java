package io.caravan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.paging.ValuePlacement;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;

/**
 * An incremental source: a high-water mark read from a record field ({@code updated_at}, an id),
 * and the bound every new pass requests from: the mark minus a lookback window, so late-arriving
 * and re-dated records are fetched again (the upsert by key absorbs the overlap).
 *
 * @param field       the record field holding the mark
 * @param axis        time or number
 * @param placement   where the bound goes in the first request, or {@code null} when the API has no such filter
 *                    (a newest-first feed then stops at records older than the bound)
 * @param format      how a time bound is written
 * @param lookback    how far before the mark a pass starts (milliseconds, or a number on the number axis)
 * @param start       the bound of the very first pass, or {@code null} to fetch everything
 * @param newestFirst whether the API returns newest records first: paging stops at records older than the bound
 */
public record Incremental(JsonPaths field, Axis axis, ValuePlacement placement, BoundFormat format, long lookback,
        Long start, boolean newestFirst) {

    /** The bound a pass starting from {@code mark} requests from, or {@code null} for no bound. */
    public Long bound(String mark) {
        if (mark == null) {
            return start;
        }
        return axis.parse(mark) - lookback;
    }

    /** The configured first request with the bound placed (unchanged without a bound). */
    public PageRequest request(PageRequest configured, Long bound) {
        if (bound == null || placement == null) {
            return configured;
        }
        return placement.apply(configured, format.write(axis, bound)).withToken(configured.token());
    }

    /** {@code span} widened by {@code record}'s mark (unchanged when the record has none). */
    public Span widen(Span span, JsonNode record) {
        Long value = axis.read(field.read(record));
        if (value == null) {
            return span;
        }
        return new Span(span.oldest() == null || value < span.oldest() ? value : span.oldest(),
                span.newest() == null || value > span.newest() ? value : span.newest());
    }

    /** Whether a page of this span reached records older than {@code bound}: a newest-first feed has nothing newer past them. */
    public boolean reachedOlder(Span span, Long bound) {
        return newestFirst && bound != null && span.oldest() != null && span.oldest() < bound;
    }

    /**
     * The oldest and newest marks of a page.
     *
     * @param oldest the smallest value, or {@code null}
     * @param newest the greatest value, or {@code null}
     */
    public record Span(Long oldest, Long newest) {

        /** The span of a page without marks. */
        public static final Span NONE = new Span(null, null);
    }
}
