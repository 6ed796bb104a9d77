package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.DataSet;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointStore;
import io.caravan.state.RunStatus;
import io.caravan.support.LandedData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application killed with SIGKILL in the middle of a backfill of 30 daily slices (4 at
 * once), and in the middle of pages fetched in parallel, then started again: finished slices and
 * landed pages are not fetched again, and the table equals the data set.
 */
class BackfillAfterKillIT {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final int DAYS = 30;
    /** 1,440 records a day: 30 days and a little more. */
    private static final int RECORDS = 44_000;

    @TempDir
    Path workDir;

    @Test
    void aBackfillKilledMidWayResumesOnlyTheSlicesThatDidNotFinish() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            CaravanJar caravan = caravan(sandbox);
            caravan.route("backfill", """
                      - name: keyPath
                        value: $.id
                      - name: table
                        value: backfill
                      - name: url
                        value: "{{caravan.sandbox.url}}/hubspot/crm/v3/objects/contacts?records=%d&limit=100&latency_ms=2"
                      - name: pagination
                        value: bodyCursor
                      - name: cursorPath
                        value: $.paging.next.after
                      - name: cursorParam
                        value: after
                      - name: recordsPath
                        value: $.results
                      - name: sliceFrom
                        value: "%s"
                      - name: sliceUntil
                        value: "%s"
                      - name: sliceStep
                        value: P1D
                      - name: concurrency
                        value: "4"
                """.formatted(RECORDS, FROM, FROM.plus(Duration.ofDays(DAYS))));
            AppDatabase.clear(dataSource, "backfill", "backfill");

            killAfterRequests(caravan, sandbox, 200);

            CheckpointStore store = CheckpointStore.open(dataSource);
            List<Checkpoint> slices = store.sessions("backfill");
            assertThat(slices).hasSize(DAYS);
            Set<String> finished = slices.stream().filter(row -> row.status() == RunStatus.COMPLETED)
                    .map(row -> "since=" + row.source().substring("backfill/".length(), row.source().indexOf(".."))
                            .replace(":", "%3A"))
                    .collect(Collectors.toSet());
            assertThat(finished).isNotEmpty().hasSizeLessThan(DAYS);
            long landed = store.landedPages("backfill").keys().size();
            assertThat(caravan.run(0, 60, "state", "show", "backfill"))
                    .contains("sessions:        30 (" + (DAYS - finished.size()) + " RUNNING, " + finished.size() + " COMPLETED;");
            assertThat(caravan.run(0, 60, "state", "list")).contains("backfill/" + FROM + ".." + FROM.plus(Duration.ofDays(1)));
            int before = sandbox.requestLog().size();

            String output = caravan.run(0, 180, "run");

            List<String> requests = sandbox.requestLog().subList(before, sandbox.requestLog().size());
            assertThat(output).contains("backfill completed: " + (DAYS - finished.size()) + " of 30 slices ("
                    + finished.size() + " done in earlier runs)");
            assertThat(requests).noneMatch(uri -> finished.stream().anyMatch(uri::contains));
            assertThat((long) requests.size()).isEqualTo(dailyPages(sandbox.dataSet(RECORDS, 42)) - landed);
            LandedData expected = LandedData.of(sandbox.dataSet(RECORDS, 42).view(FROM, FROM.plus(Duration.ofDays(DAYS)), false));
            assertThat(LandedData.inTable(dataSource, "backfill", "backfill").checksum()).isEqualTo(expected.checksum());
            assertThat(store.load("backfill").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        }
    }

    @Test
    void pagesFetchedInParallelKilledMidWayResumeWithOnlyTheMissingPages() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            CaravanJar caravan = caravan(sandbox);
            caravan.route("pages", """
                      - name: keyPath
                        value: $.id
                      - name: table
                        value: pages
                      - name: url
                        value: "{{caravan.sandbox.url}}/helpscout/v2/conversations?records=30000&page_size=50&latency_ms=2"
                      - name: pagination
                        value: pageNumber
                      - name: totalPagesPath
                        value: $.page.totalPages
                      - name: recordsPath
                        value: $._embedded.conversations
                      - name: parallelPages
                        value: "true"
                      - name: concurrency
                        value: "8"
                      - name: batchSize
                        value: "200"
                """);
            AppDatabase.clear(dataSource, "pages", "pages");

            killAfterRequests(caravan, sandbox, 250);

            long landed = CheckpointStore.open(dataSource).landedPages("pages").keys().size();
            assertThat(landed).isBetween(1L, 599L);
            long before = sandbox.requestCount();

            String output = caravan.run(0, 180, "run");

            assertThat(output).contains("pages completed");
            assertThat(sandbox.requestCount() - before).isEqualTo(600 - landed);
            assertThat(LandedData.inTable(dataSource, "pages", "pages").checksum())
                    .isEqualTo(LandedData.of(sandbox.dataSet(30_000, 42)).checksum());
        }
    }

    private static void killAfterRequests(CaravanJar caravan, TestSandbox sandbox, long requests) throws Exception {
        CaravanJar.Launch launch = caravan.start("run");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(2))
                .until(() -> sandbox.requestCount() >= requests || !launch.process().isAlive());
        assertThat(launch.process().isAlive()).as("still running after %d requests", requests).isTrue();
        launch.process().destroyForcibly();
        assertThat(launch.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static long dailyPages(DataSet data) {
        long pages = 0;
        for (int day = 0; day < DAYS; day++) {
            Instant start = FROM.plus(Duration.ofDays(day));
            pages += Math.max(1, (data.view(start, start.plus(Duration.ofDays(1)), false).size() + 99) / 100);
        }
        return pages;
    }

    private CaravanJar caravan(TestSandbox sandbox) {
        return new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url(), "CARAVAN_JDBC_URL", AppDatabase.jdbcUrl(workDir)));
    }
}
