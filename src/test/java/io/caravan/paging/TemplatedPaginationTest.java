package io.caravan.paging;

import java.util.Map;

/** The templated style keeping the pagination contract: Slack's cursor, expressed as one rule. */
class TemplatedPaginationTest extends PaginationContractTest {

    @Override
    String path() {
        return "/slack/api/conversations.history";
    }

    @Override
    int pageSize() {
        return 100;
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "templated",
                "nextRequests", "[{\"query\": {\"cursor\": \"${jsonpath($.response_metadata.next_cursor)}\"}}]",
                "pageSizeParam", "limit", "pageSize", "100", "recordsPath", "$.messages");
    }
}
