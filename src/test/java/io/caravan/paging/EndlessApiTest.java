package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.config.Parameters;
import io.caravan.run.RunSummary;
import io.caravan.support.CaravanFixture;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An API that never stops offering pages (sandbox knob {@code endless}) is bounded: by the total it
 * announced, where it announces one (the run ends there, exactly, instead of walking to the page
 * cap), and otherwise by the hard page cap, whose default is 10,000 pages (PaginationContractTest
 * shows the cap's pages land before the run fails).
 */
class EndlessApiTest {

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("endless");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void anAnnouncedTotalEndsAnEndlessApiExactlyAtTheTotal() throws Exception {
        Map<String, String> params = new HashMap<>(Map.of("url", fixture.sandbox.url()
                + "/jira/rest/api/3/search?records=500&endless=true", "pagination", "offset", "offsetParam", "startAt",
                "offsetStep", "records", "pageSizeParam", "maxResults", "pageSize", "50", "totalRecordsPath", "$.total",
                "recordsPath", "$.issues", "keyPath", "$.id", "table", fixture.table));
        fixture.caravan.addSource("endless", params);

        RunSummary summary = fixture.caravan.run("endless");

        assertThat(summary.ended()).isEqualTo("all 500 records read on page 10");
        assertThat(fixture.sandbox.requestCount()).isEqualTo(10);
        assertThat(fixture.landed("endless").checksum()).isEqualTo(fixture.dataSet(500).checksum());
    }

    @Test
    void theDefaultHardCapIsTenThousandPages() {
        assertThat(Parameters.MAX_PAGES.defaultValue()).isEqualTo("10000");
    }
}
