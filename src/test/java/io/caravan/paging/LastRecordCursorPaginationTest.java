package io.caravan.paging;

import java.util.Map;

/** Cursor = last record's id, with a has-more flag (Stripe). */
class LastRecordCursorPaginationTest extends PaginationContractTest {

    LastRecordCursorPaginationTest() {
        super("/stripe/v1/customers", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "lastRecordCursor", "cursorParam", "starting_after", "pageSizeParam", "limit",
                "pageSize", "100", "hasMorePath", "$.has_more", "recordsPath", "$.data");
    }

    @Override
    boolean apiHandsOutCursor() {
        return false;
    }
}
