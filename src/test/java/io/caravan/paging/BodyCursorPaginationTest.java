package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.support.LandedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opaque cursor in the body, empty at the end (Slack's response_metadata.next_cursor). */
class BodyCursorPaginationTest extends PaginationContractTest {

    BodyCursorPaginationTest() {
        super("/slack/api/conversations.history", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "bodyCursor", "cursorPath", "$.response_metadata.next_cursor",
                "cursorParam", "cursor", "pageSizeParam", "limit", "pageSize", "100", "recordsPath", "$.messages");
    }

    @Test
    void anEmptyPageThatStillCarriesACursorGoesOn() throws Exception {
        String source = addSource(250, "&empty_page_at=100", Map.of());
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(LandedData.inTable(fixture.dataSource, fixture.table, source).checksum())
                .isEqualTo(LandedData.of(fixture.sandbox.dataSet(250, 42)).checksum());
        assertThat(summary.pages()).isEqualTo(4);
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(4);
    }
}
