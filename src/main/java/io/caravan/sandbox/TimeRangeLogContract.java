package io.caravan.sandbox;

import java.time.Instant;

/**
 * A time-range log API: {@code start_time} (inclusive) and {@code end_time} (exclusive), ISO-8601,
 * records in {@code updated_at} order, at most {@code limit} of them, and no paging metadata at all.
 */
final class TimeRangeLogContract extends Contract {

    TimeRangeLogContract() {
        super("/logs/v1/events", "limit", 100);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        int from = data.indexUpdatedFrom(TimeFilter.instant(request.params().get("start_time"), Instant.EPOCH));
        int to = data.indexUpdatedFrom(TimeFilter.instant(request.params().get("end_time"), Instant.MAX));
        PageSlice slice = PageSlice.of(data, from, Math.max(0, Math.min(knobs.pageSize(), to - from)), knobs);
        return page("{\"events\":", slice, "}");
    }
}
