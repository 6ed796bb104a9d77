package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.DataSet;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fixed one-hour windows over two days of a time-range log API (about 60 records a window). */
class TimeWindowPaginationTest extends PaginationContractTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    TimeWindowPaginationTest() {
        super("/logs/v1/events", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "timeWindow", "windowStart", START.toString(),
                "windowEnd", "2024-01-03T00:00:00Z", "windowStep", "PT1H", "pageSizeParam", "limit", "pageSize", "100",
                "recordsPath", "$.events");
    }

    @Override
    long recordsInFirstPages(int pages, DataSet data) {
        return data.indexUpdatedFrom(START.plusSeconds(3600L * pages));
    }

    @Override
    boolean apiHandsOutCursor() {
        return false;
    }

    @Test
    void aWindowThatFillsAWholePageFailsRatherThanLoseRecords() throws Exception {
        String source = addSource(2_500, "", Map.of("windowStep", "P1D"));

        assertThatThrownBy(() -> fixture.caravan.run(source))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("failed at page 1")
                .hasMessageContaining("the window from 2024-01-01T00:00:00Z filled a whole page of 100 records");
    }
}
