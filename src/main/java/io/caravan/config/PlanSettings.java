package io.caravan.config;

import static io.caravan.config.Parameters.CONCURRENCY;
import static io.caravan.config.Parameters.INCREMENTAL_FIELD;
import static io.caravan.config.Parameters.INCREMENTAL_PARAM;
import static io.caravan.config.Parameters.INCREMENTAL_START;
import static io.caravan.config.Parameters.LOOKBACK;
import static io.caravan.config.Parameters.NEWEST_FIRST;
import static io.caravan.config.Parameters.ON_CONFIG_CHANGE;
import static io.caravan.config.Parameters.PAGE_SIZE;
import static io.caravan.config.Parameters.PARALLEL_PAGES;
import static io.caravan.config.Parameters.PREFETCH;
import static io.caravan.config.Parameters.RESULT_WINDOW;
import static io.caravan.config.Parameters.RESULT_WINDOW_ERROR;
import static io.caravan.config.Parameters.SESSION_LEASE_MS;
import static io.caravan.config.Parameters.SHARE_PASS;
import static io.caravan.config.Parameters.SLICE_END_PARAM;
import static io.caravan.config.Parameters.SLICE_FROM;
import static io.caravan.config.Parameters.SLICE_MIN_STEP;
import static io.caravan.config.Parameters.SLICE_START_PARAM;
import static io.caravan.config.Parameters.SLICE_STEP;
import static io.caravan.config.Parameters.SLICE_UNTIL;
import static io.caravan.config.Parameters.TIME_FORMAT;
import static io.caravan.config.Parameters.TOTAL_PAGES_PATH;
import static io.caravan.config.Parameters.TOTAL_RECORDS_PATH;

import io.caravan.paging.AddressedPaginator;
import io.caravan.paging.Paginator;
import io.caravan.paging.ValuePlacement;
import io.caravan.plan.Axis;
import io.caravan.plan.Backfill;
import io.caravan.plan.BoundFormat;
import io.caravan.plan.Incremental;
import io.caravan.plan.ParallelPages;
import io.caravan.records.JsonPaths;
import io.caravan.response.RestartSignal;

/**
 * How a run is planned: incremental passes from a high-water mark, a backfill in slices, parallel
 * page ranges, how many sessions go at once, and whether their pages are pipelined.
 *
 * @param incremental   the high-water mark and the bound each pass requests from, or {@code null}
 * @param backfill      the range walked as slices, or {@code null}
 * @param parallelPages how the pages after the first are fetched in parallel ranges, or {@code null}
 * @param concurrency   the most sessions (slices, page ranges) fetched at once
 * @param prefetch      whether a session's next request is sent while its current page is landed
 * @param requestShape  the fingerprint of the settings that shape requests, stored with a pass
 * @param onConfigChange what a run does when the open pass was started with other settings: restart,
 *                      resume or fail
 * @param sharePass     whether the replicas running the source share each pass, a leased session each
 * @param sessionLeaseMs how long a replica's lease on a session lasts unrenewed
 */
public record PlanSettings(Incremental incremental, Backfill backfill, ParallelPages parallelPages, int concurrency,
        boolean prefetch, String requestShape, String onConfigChange, boolean sharePass, int sessionLeaseMs) {

    /** A lookback of none, on the time axis. */
    private static final String NO_LOOKBACK = "PT0S";

    static PlanSettings read(SourceParameters p, Paginator paginator) {
        int concurrency = p.require(CONCURRENCY);
        Backfill backfill = backfill(p);
        ParallelPages parallelPages = parallelPages(p, paginator, concurrency);
        boolean sharePass = p.get(SHARE_PASS);
        if (sharePass && backfill == null && parallelPages == null) {
            throw p.contradiction("sharePass shares the sessions of a pass among replicas: it needs a backfill (sliceStep)"
                    + " or parallelPages; for one session, several replicas take turns with one leader per source (caravan.cluster)");
        }
        return new PlanSettings(incremental(p), backfill, parallelPages, concurrency,
                p.require(PREFETCH), RequestShape.fingerprint(p), p.require(ON_CONFIG_CHANGE), sharePass, p.require(SESSION_LEASE_MS));
    }

    private static Incremental incremental(SourceParameters p) {
        JsonPaths field = p.parse(INCREMENTAL_FIELD, JsonPaths::compile);
        if (field == null) {
            return null;
        }
        Axis given = p.parse(LOOKBACK, Axis::ofLength);
        Axis axis = given == null ? Axis.ofLength(NO_LOOKBACK) : given;
        Long lookback = p.parse(LOOKBACK, axis::length);
        return new Incremental(field, axis, p.parse(INCREMENTAL_PARAM, ValuePlacement::parse),
                p.parseRequired(TIME_FORMAT, BoundFormat::parse), lookback == null ? 0 : lookback,
                p.parse(INCREMENTAL_START, axis::parse), p.get(NEWEST_FIRST));
    }

    private static Backfill backfill(SourceParameters p) {
        Axis axis = p.parse(SLICE_STEP, Axis::ofLength);
        if (axis == null) {
            return null;
        }
        long length = p.parse(SLICE_STEP, axis::length);
        if (length < 1) {
            throw p.contradiction("sliceStep '" + p.get(SLICE_STEP) + "' must be longer than zero");
        }
        Long until = p.parse(SLICE_UNTIL, axis::parse);
        if (axis == Axis.NUMBER && until == null) {
            throw p.contradiction("sliceUntil is required for a range of numbers (sliceStep " + p.get(SLICE_STEP) + ")");
        }
        Long minStep = p.parse(SLICE_MIN_STEP, axis::length);
        RestartSignal windowError = p.parse(RESULT_WINDOW_ERROR, spec -> RestartSignal.parse(RESULT_WINDOW_ERROR.name(), spec));
        return new Backfill(axis, p.parseRequired(SLICE_FROM, axis::parse), until, length, minStep == null ? 1 : minStep,
                p.parseRequired(SLICE_START_PARAM, ValuePlacement::parse), p.parseRequired(SLICE_END_PARAM, ValuePlacement::parse),
                p.parseRequired(TIME_FORMAT, BoundFormat::parse), p.get(RESULT_WINDOW, 0L),
                windowError == null ? RestartSignal.NONE : windowError, p.parse(TOTAL_RECORDS_PATH, JsonPaths::compile));
    }

    private static ParallelPages parallelPages(SourceParameters p, Paginator paginator, int concurrency) {
        if (!p.get(PARALLEL_PAGES)) {
            return null;
        }
        if (!(paginator instanceof AddressedPaginator addressed)) {
            throw p.contradiction("parallelPages needs pages addressed directly: pagination pageNumber or offset");
        }
        if (!p.has(TOTAL_PAGES_PATH) && !(p.has(TOTAL_RECORDS_PATH) && p.has(PAGE_SIZE))) {
            throw p.contradiction("parallelPages needs totalPagesPath, or totalRecordsPath and pageSize,"
                    + " to know the pages from the first one");
        }
        return new ParallelPages(addressed, p.parse(TOTAL_PAGES_PATH, JsonPaths::compile),
                p.parse(TOTAL_RECORDS_PATH, JsonPaths::compile), p.get(PAGE_SIZE, 0), concurrency * 4);
    }
}
