package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.state.RunStatus;
import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real APIs' ways of offering less than they hold, each a sandbox contract: a run never ends
 * "completed" with data missing, and never loops, and says why it ended.
 */
class PartialLoadTest {

    private static CaravanFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = CaravanFixture.start("partial");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void anOffsetApiThatCapsThePageSizeSilentlyLandsEverythingAndTheSummaryNotesTheCap() throws Exception {
        // Jira's search serves at most 50 whatever maxResults asks; the route asks for 1,000 (offsetStep pageSize).
        RunSummary summary = run("capped", Map.of("url", fixture.sandbox.url() + "/jira/rest/api/3/search?records=2000",
                "pagination", "offset", "offsetParam", "startAt", "pageSizeParam", "maxResults", "pageSize", "1000",
                "totalRecordsPath", "$.total", "recordsPath", "$.issues"));

        assertThat(summary.recordsLoaded()).isEqualTo(2_000);
        assertThat(fixture.landed("capped").checksum()).isEqualTo(fixture.dataSet(2_000).checksum());
        assertThat(summary.ended()).isEqualTo("all 2000 records read on page 40; the API returned at most 50 records"
                + " per page of the 1,000 asked: it caps the page size");
    }

    @Test
    void aTotalOnlyInAHeaderIsCheckedWhenTheLinksRunOut() throws Exception {
        // The API sends no Link header for this page size, but says X-Total-Count: 2000.
        Map<String, String> params = params("header_total", Map.of("url", fixture.sandbox.url()
                + "/github/repos/caravan/demo/issues?records=2000&no_link=true&total_header=true",
                "pagination", "linkHeader", "pageSizeParam", "per_page", "pageSize", "100",
                "totalRecordsHeader", "X-Total-Count"));
        fixture.caravan.addSource("header_total", params);

        assertThatThrownBy(() -> fixture.caravan.run("header_total")).cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("failed at page 1")
                .hasMessageContaining("the API announced 2,000 records (header X-Total-Count) but the pass read 100:"
                        + " the API stopped offering pages before its total");
    }

    @Test
    void anApiServingItsLastPageAgainPastTheEndEndsAtTheRepeatWithAWarning() throws Exception {
        long before = fixture.sandbox.requestCount();
        RunSummary summary = run("repeat_last", freshdesk("&past_end=repeat_last", Map.of()));

        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(4);
        assertThat(summary.recordsLoaded()).isEqualTo(250);
        assertThat(fixture.landed("repeat_last").checksum()).isEqualTo(fixture.dataSet(250).checksum());
        assertThat(summary.ended()).isEqualTo("page 4 repeats the page before it (the same 50 records) on page 4");

        fixture.caravan.addSource("repeat_fails", params("repeat_fails",
                freshdesk("&past_end=repeat_last", Map.of("onRepeatedPage", "fail"))));
        assertThatThrownBy(() -> fixture.caravan.run("repeat_fails")).cause()
                .hasMessageContaining("failed at page 4")
                .hasMessageContaining("page 4 repeats the page before it (the same 50 records)");
    }

    @Test
    void anAnswerThatMeansTheEndEndsTheRunSuccessfully() throws Exception {
        RunSummary summary = run("end_on", freshdesk("&past_end=400", Map.of("endOn", "400:page_out_of_range, 404")));

        assertThat(summary.recordsLoaded()).isEqualTo(250);
        assertThat(summary.pages()).isEqualTo(3);
        assertThat(fixture.landed("end_on").checksum()).isEqualTo(fixture.dataSet(250).checksum());
        assertThat(summary.ended()).isEqualTo("the API answered HTTP 400 page_out_of_range on page 4");

        fixture.caravan.addSource("no_end_on", params("no_end_on", freshdesk("&past_end=400", Map.of())));
        assertThatThrownBy(() -> fixture.caravan.run("no_end_on")).cause()
                .hasMessageContaining("failed at page 4").hasMessageContaining("HTTP 400 {\"error\":\"page_out_of_range\"")
                .hasMessageEndingWith("The last page is 3.\"}");
        // Without endOn the run fails, but the three pages read whole landed first, with their checkpoint.
        assertThat(fixture.landed("no_end_on").checksum()).isEqualTo(fixture.dataSet(250).checksum());
        assertThat(fixture.caravan.checkpoints().load("no_end_on").orElseThrow().next().query()).containsEntry("page", "4");
    }

    @Test
    void aScrollHandingOutTheSameIdWithNewRecordsIsFollowedToTheEnd() throws Exception {
        RunSummary summary = run("scroll", Map.of("url", fixture.sandbox.url() + "/search/_search?records=2500&scroll=1m",
                "pagination", "bodyCursor", "cursorPath", "$._scroll_id", "cursorParam", "body:scroll_id",
                "nextPagesUrl", "/search/_search/scroll", "nextPagesMethod", "POST", "pageSizeParam", "size",
                "pageSize", "100", "recordsPath", "$.hits.hits", "stopOnEmptyPage", "true"));

        assertThat(summary.recordsLoaded()).isEqualTo(2_500);
        assertThat(fixture.landed("scroll").checksum()).isEqualTo(fixture.dataSet(2_500).checksum());
        assertThat(summary.ended()).isEqualTo("empty page on page 26");
    }

    @Test
    void aLowerBoundTotalIsNeitherAStopNorExactAndSlicesPastTheWindowAreSplit() throws Exception {
        // 30,000 records in two slices of ~15,000; the API counts exactly only up to 10,000 ("gte" past it)
        // and pages through at most 10,000 of a query.
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Instant until = from.plus(Duration.ofMinutes(30_000));
        Map<String, String> params = new HashMap<>(Map.of("url", fixture.sandbox.url()
                + "/search/_search?records=30000&result_window=10000", "pagination", "offset", "offsetParam", "from",
                "pageSizeParam", "size", "pageSize", "100", "recordsPath", "$.hits.hits",
                "totalRecordsPath", "$.hits.total.value", "totalRelationPath", "$.hits.total.relation",
                "resultWindow", "10000"));
        params.putAll(Map.of("sliceFrom", from.toString(), "sliceUntil", until.toString(), "sliceStep", "PT250H",
                "sliceMinStep", "PT1H", "concurrency", "2"));

        RunSummary summary = run("lower_bound", params);

        LandedData expected = LandedData.of(fixture.sandbox.dataSet(30_000, 42).view(from, until, false));
        assertThat(fixture.landed("lower_bound").rows()).isEqualTo(expected.rows()).isGreaterThan(29_900);
        assertThat(fixture.landed("lower_bound").checksum()).isEqualTo(expected.checksum());
        assertThat(fixture.caravan.checkpoints().sessions("lower_bound")).hasSize(4)
                .allMatch(row -> row.status() == RunStatus.COMPLETED && row.records() <= 10_000);
        assertThat(summary.describe()).contains("4 of 4 slices");
    }

    private static Map<String, String> freshdesk(String knobs, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(Map.of("url", fixture.sandbox.url()
                + "/freshdesk/api/v2/tickets?records=250" + knobs, "pagination", "pageNumber",
                "pageSizeParam", "per_page", "pageSize", "100"));
        params.putAll(extra);
        return params;
    }

    private static Map<String, String> params(String source, Map<String, String> parameters) {
        Map<String, String> params = new HashMap<>(parameters);
        params.put("table", fixture.table);
        params.put("keyPath", "$.id");
        return params;
    }

    private static RunSummary run(String source, Map<String, String> parameters) throws Exception {
        fixture.caravan.addSource(source, params(source, parameters));
        RunSummary summary = fixture.caravan.run(source);
        assertThat(summary.completed()).isTrue();
        return summary;
    }
}
