package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.state.Checkpoint;
import io.caravan.state.RunStatus;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages addressed directly (page numbers, offsets) fetched in parallel once the first page tells
 * how many there are: the exact data set lands, never more requests in flight than the concurrency,
 * and a resume fetches only the pages that had not landed.
 */
class ParallelPagesTest {

    private static final int RECORDS = 20_000;
    private static final int PAGES = 400;

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("parallel");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void pagesAfterTheFirstAreFetchedInParallelAndTheDataSetLandsExactly() throws Exception {
        fixture.caravan.addSource("pages", source("&latency_ms=5"));

        RunSummary summary = fixture.caravan.run("pages");

        assertThat(fixture.sandbox.requestCount()).isEqualTo(PAGES);
        assertThat(new HashSet<>(fixture.sandbox.requestLog())).hasSize(PAGES);
        assertThat(fixture.sandbox.mostRequestsInFlight()).isBetween(2, 8);
        assertThat(fixture.landed("pages").checksum()).isEqualTo(fixture.dataSet(RECORDS).checksum());
        assertThat(summary.describe()).contains("32 of 32 page ranges, 400 pages, 20,000 records loaded");
    }

    @Test
    void offsetPagesCountedByRecordsAreFetchedInParallelToo() throws Exception {
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters(fixture.sandbox.url(), 0, "");
        params.put("url", fixture.sandbox.url() + "/jira/rest/api/3/search?records=5000");
        params.put("pagination", "offset");
        params.put("offsetParam", "startAt");
        params.put("pageSizeParam", "maxResults");
        params.put("pageSize", "50");
        params.put("recordsPath", "$.issues");
        params.remove("totalPagesPath");
        params.put("totalRecordsPath", "$.total");
        params.put("parallelPages", "true");
        params.put("concurrency", "4");
        params.put("table", fixture.table);
        fixture.caravan.addSource("offsets", params);

        fixture.caravan.run("offsets");

        assertThat(fixture.sandbox.requestCount()).isEqualTo(100);
        assertThat(fixture.landed("offsets").checksum()).isEqualTo(fixture.dataSet(5_000).checksum());
    }

    @Test
    void aResumeFetchesOnlyThePagesThatHadNotLanded() throws Exception {
        Map<String, String> params = source("");
        params.put("maxRetries", "0");
        params.put("batchSize", "200");
        fixture.caravan.addSource("resumed", params);
        fixture.sandbox.failFrom(150, 503);

        assertThatThrownBy(() -> fixture.caravan.run("resumed")).hasStackTraceContaining("page ranges failed");

        long landed = landedPages("resumed");
        assertThat(landed).isBetween(1L, 149L);
        List<Checkpoint> ranges = fixture.caravan.checkpoints().sessions("resumed");
        assertThat(ranges).isNotEmpty().anyMatch(row -> row.status() == RunStatus.FAILED);
        long before = fixture.sandbox.requestCount();
        fixture.sandbox.recover();

        fixture.caravan.run("resumed");

        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(PAGES - landed);
        assertThat(fixture.landed("resumed").checksum()).isEqualTo(fixture.dataSet(RECORDS).checksum());
        assertThat(fixture.caravan.checkpoints().load("resumed").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    private Map<String, String> source(String extraQuery) {
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters(fixture.sandbox.url(), RECORDS, extraQuery);
        params.put("table", fixture.table);
        params.put("parallelPages", "true");
        params.put("concurrency", "8");
        return params;
    }

    private long landedPages(String source) throws Exception {
        try (Connection connection = fixture.dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM caravan_landed_page WHERE processor_name = ?")) {
            query.setString(1, source);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
