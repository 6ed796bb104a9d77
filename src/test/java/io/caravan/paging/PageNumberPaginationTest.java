package io.caravan.paging;

import java.util.Map;

/** Page numbers, no metadata (Freshdesk): the end is an empty page. */
class PageNumberPaginationTest extends PaginationContractTest {

    PageNumberPaginationTest() {
        super("/freshdesk/api/v2/tickets", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "pageNumber", "pageSizeParam", "per_page", "pageSize", "100", "recordsPath", "$");
    }

    @Override
    boolean apiHandsOutCursor() {
        return false;
    }
}
