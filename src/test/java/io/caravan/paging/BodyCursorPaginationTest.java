package io.caravan.paging;

import java.util.Map;

/** Opaque cursor in the body, empty at the end (Slack's response_metadata.next_cursor). */
class BodyCursorPaginationTest extends PaginationContractTest {

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
        return Map.of("pagination", "bodyCursor", "cursorPath", "$.response_metadata.next_cursor",
                "cursorParam", "cursor", "pageSizeParam", "limit", "pageSize", "100", "recordsPath", "$.messages");
    }
}
