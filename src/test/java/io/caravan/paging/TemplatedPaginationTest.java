package io.caravan.paging;

import java.util.Map;

/** The templated style keeping the pagination contract: Slack's cursor, expressed as one rule. */
class TemplatedPaginationTest extends PaginationContractTest {

    TemplatedPaginationTest() {
        super("/slack/api/conversations.history", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "templated",
                "nextRequests", "[{\"query\": {\"cursor\": \"${jsonpath($.response_metadata.next_cursor)}\"}}]",
                "pageSizeParam", "limit", "pageSize", "100", "recordsPath", "$.messages");
    }
}
