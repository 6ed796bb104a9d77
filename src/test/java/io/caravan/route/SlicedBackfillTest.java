package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.plan.Axis;
import io.caravan.plan.Slice;
import io.caravan.run.RunSummary;
import io.caravan.sandbox.DataSet;
import io.caravan.state.Checkpoint;
import io.caravan.state.RunStatus;
import io.caravan.support.CapturedLog;
import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backfill walked as slices, each its own session with its own checkpoint row, several at once:
 * a slice holding more than the API's result window is split until each part fits, and a run that
 * failed resumes only the slices that did not finish.
 */
class SlicedBackfillTest {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("sliced");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aRangeOf25000RecordsAgainstA10000RecordWindowIsSplitByTheAnnouncedTotalAndLandsExactly() throws Exception {
        assertResliced("by_total", Map.of("totalRecordsPath", "$.total"));
    }

    @Test
    void aRangeOf25000RecordsIsSplitWhenTheApiRefusesAPagePastItsWindow() throws Exception {
        assertResliced("by_error", Map.of("resultWindowError", "400:result window exceeded"));
    }

    @Test
    void aFailedRunResumesOnlyTheSlicesThatDidNotFinish() throws Exception {
        // 10 daily slices of ~1,440 records (15 pages of 100), 4 at once; the API fails from request 60.
        Instant until = FROM.plus(Duration.ofDays(10));
        fixture.caravan.addSource("days", slices(20_000, until, "P1D", Map.of("maxRetries", "0")));
        fixture.sandbox.failFrom(60, 503);

        assertThatThrownBy(() -> fixture.caravan.run("days")).hasStackTraceContaining("source 'days' failed: ")
                .hasStackTraceContaining("slices failed (they resume on the next run)");

        List<Checkpoint> rows = fixture.caravan.checkpoints().sessions("days");
        assertThat(rows).hasSize(10);
        Set<String> finished = rows.stream().filter(row -> row.status() == RunStatus.COMPLETED)
                .map(row -> "since=" + row.source().substring("days/".length(), row.source().indexOf(".."))).collect(Collectors.toSet());
        assertThat(finished).isNotEmpty().hasSizeLessThan(10);
        long landedPages = rows.stream().mapToLong(Checkpoint::pages).sum();
        int requestsBefore = fixture.sandbox.requestLog().size();
        fixture.sandbox.recover();

        RunSummary resumed;
        try (CapturedLog log = new CapturedLog()) {
            resumed = fixture.caravan.run("days");
            // Each slice as it ends, with the run's progress: slices done of all, records, time left.
            assertThat(log.lines()).anyMatch(line -> line.matches("days: slice 2024-01-\\d\\dT00:00:00Z\\.\\.2024-01-\\d\\dT00:00:00Z"
                    + " done: [\\d,]+ records, \\d+ pages; \\d+/10 slices done, [\\d,]+ records read, [\\d,]+ landed, ETA \\d+ s"));
        }

        List<String> requests = fixture.sandbox.requestLog().subList(requestsBefore, fixture.sandbox.requestLog().size());
        assertThat(requests).noneMatch(uri -> finished.stream().anyMatch(uri::contains));
        assertThat((long) requests.size()).isEqualTo(totalPages(until, 100) - landedPages);
        assertThat(resumed.describe()).contains((10 - finished.size()) + " of 10 slices (" + finished.size()
                + " done in earlier runs)");
        assertThat(fixture.landed("days").checksum()).isEqualTo(expected(20_000, FROM, until).checksum());
        assertThat(fixture.caravan.checkpoints().sessions("days")).allMatch(row -> row.status() == RunStatus.COMPLETED);
        assertThat(fixture.caravan.checkpoints().load("days").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void slicesFetchedAtOnceStayInsideTheHostsSharedBudget() throws Exception {
        // 4 slices of 12 hours (8 pages each), 4 at once, answered after 30 ms, on a host allowed 10 requests a second and 2 in flight.
        Instant until = FROM.plus(Duration.ofDays(2));
        fixture.caravan.addSource("budget", slices(20_000, until, "PT12H", Map.of("requestsPerSecond", "10",
                "maxConcurrentRequests", "2", "url", fixture.sandbox.url()
                        + "/hubspot/crm/v3/objects/contacts?records=20000&latency_ms=30")));

        fixture.caravan.run("budget");

        assertThat(fixture.sandbox.maxRequestsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(10);
        assertThat(fixture.sandbox.mostRequestsInFlight()).isEqualTo(2);
        assertThat(fixture.landed("budget").checksum()).isEqualTo(expected(20_000, FROM, until).checksum());
    }

    private void assertResliced(String source, Map<String, String> signal) throws Exception {
        // ~25,000 records in one slice; the API pages through at most 10,000 of a query.
        Instant until = FROM.plus(Duration.ofMinutes(25_000));
        Map<String, String> extra = new HashMap<>(signal);
        extra.put("resultWindow", "10000");
        extra.put("sliceMinStep", "PT1H");
        fixture.caravan.addSource(source, slices(30_000, until, "P30D", extra));

        RunSummary summary = fixture.caravan.run(source);

        LandedData expected = expected(30_000, FROM, until);
        assertThat(expected.rows()).isBetween(24_900L, 25_000L);
        assertThat(fixture.landed(source).checksum()).isEqualTo(expected.checksum());
        assertThat(fixture.landed(source).rows()).isEqualTo(expected.rows());
        // Halved until each part holds at most 10,000: the quarters.
        List<Checkpoint> rows = fixture.caravan.checkpoints().sessions(source);
        assertThat(rows).hasSize(4).allMatch(row -> row.status() == RunStatus.COMPLETED)
                .allMatch(row -> row.records() <= 10_000);
        Slice whole = new Slice(Axis.TIME, FROM.toEpochMilli(), until.toEpochMilli());
        assertThat(rows.stream().map(row -> row.source().substring(source.length() + 1)).toList())
                .containsExactlyInAnyOrder(whole.halves(1)[0].halves(1)[0].label(), whole.halves(1)[0].halves(1)[1].label(),
                        whole.halves(1)[1].halves(1)[0].label(), whole.halves(1)[1].halves(1)[1].label());
        assertThat(summary.describe()).contains("4 of 4 slices");
    }

    private Map<String, String> slices(int records, Instant until, String step, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>();
        params.put("url", fixture.sandbox.url() + "/hubspot/crm/v3/objects/contacts?records=" + records
                + "&result_window=10000");
        params.put("pagination", "bodyCursor");
        params.put("cursorPath", "$.paging.next.after");
        params.put("cursorParam", "after");
        params.put("pageSizeParam", "limit");
        params.put("pageSize", "100");
        params.put("recordsPath", "$.results");
        params.put("keyPath", "$.id");
        params.put("table", fixture.table);
        params.put("sliceFrom", FROM.toString());
        params.put("sliceUntil", until.toString());
        params.put("sliceStep", step);
        params.put("concurrency", "4");
        params.putAll(extra);
        return params;
    }

    private long totalPages(Instant until, int pageSize) {
        long pages = 0;
        DataSet data = fixture.sandbox.dataSet(20_000, 42);
        for (Instant day = FROM; day.isBefore(until); day = day.plus(Duration.ofDays(1))) {
            pages += Math.max(1, (data.view(day, day.plus(Duration.ofDays(1)), false).size() + pageSize - 1) / pageSize);
        }
        return pages;
    }

    private LandedData expected(int records, Instant from, Instant until) {
        return LandedData.of(fixture.sandbox.dataSet(records, 42).view(from, until, false));
    }
}
