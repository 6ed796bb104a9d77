package io.caravan.paging;

import java.util.Map;

/** Offset and limit in request headers (Plentific): the end is an empty page. */
class OffsetPaginationTest extends PaginationContractTest {

    OffsetPaginationTest() {
        super("/plentific/api/v2/jobs", 50);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "offset", "offsetParam", "header:offset", "pageSizeParam", "header:limit",
                "pageSize", "50", "recordsPath", "$.data");
    }

    @Override
    boolean apiHandsOutCursor() {
        return false;
    }
}
