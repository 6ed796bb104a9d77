package io.caravan.paging;

import java.util.Map;

/** Next URL in the body, absent at the end (Microsoft Graph's @odata.nextLink). */
class NextUrlPaginationTest extends PaginationContractTest {

    NextUrlPaginationTest() {
        super("/graph/v1.0/users", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "nextUrl", "nextUrlPath", "$['@odata.nextLink']", "pageSizeParam", "$top",
                "pageSize", "100", "recordsPath", "$.value");
    }
}
