package io.caravan.paging;

import io.caravan.sandbox.DataSet;
import java.util.Map;

/** Start time advanced to the last record's timestamp, inclusive (a time-range log API). */
class LastRecordTimePaginationTest extends PaginationContractTest {

    LastRecordTimePaginationTest() {
        super("/logs/v1/events", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "lastRecordTime", "timeField", "$.updated_at", "startParam", "start_time",
                "pageSizeParam", "limit", "pageSize", "100", "recordsPath", "$.events");
    }

    @Override
    long recordsInFirstPages(int pages, DataSet data) {
        // Every page after the first starts with the previous page's last record again.
        return Math.min(pageSize() + (long) (pages - 1) * (pageSize() - 1), data.size());
    }

    @Override
    boolean apiHandsOutCursor() {
        return false;
    }
}
