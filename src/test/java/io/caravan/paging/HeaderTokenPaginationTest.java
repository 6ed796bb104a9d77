package io.caravan.paging;

import java.util.Map;

/** Token in a response header, sent back in a request header. */
class HeaderTokenPaginationTest extends PaginationContractTest {

    HeaderTokenPaginationTest() {
        super("/headertoken/v1/events", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "headerToken", "tokenHeader", "X-Next-Page-Token",
                "cursorParam", "header:X-Page-Token", "pageSizeParam", "limit", "pageSize", "100",
                "recordsPath", "$.events");
    }
}
