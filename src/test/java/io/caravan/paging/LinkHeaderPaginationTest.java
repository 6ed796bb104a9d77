package io.caravan.paging;

import java.util.Map;

/** RFC 8288 Link header, rel="next" absent on the last page (GitHub). */
class LinkHeaderPaginationTest extends PaginationContractTest {

    LinkHeaderPaginationTest() {
        super("/github/repos/caravan/demo/issues", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "linkHeader", "pageSizeParam", "per_page", "pageSize", "100", "recordsPath", "$");
    }
}
