package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointStore;
import io.caravan.state.RunStatus;
import io.caravan.support.LandedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application against a 20,000-record sandbox data set (200 pages of 100, batches of
 * 10 pages): killed with SIGKILL at a random moment and started again, the table ends up with
 * exactly the data set and no page is fetched twice beyond one batch and the page fetched ahead per kill; stopped with
 * SIGTERM, it commits what it fetched and the next run fetches no page twice.
 */
class ResumeAfterKillIT {

    private static final String SOURCE = "crash-items";
    private static final String TABLE = "crash_items";
    private static final int RECORDS = 20_000;
    private static final int PAGES = 200;
    private static final int PAGES_PER_BATCH = 10;

    @TempDir
    Path workDir;

    @Test
    void killedAtRandomMomentsAndRestartedTheTableEqualsTheDataSet() throws Exception {
        int iterations = Integer.getInteger("caravan.crash.iterations", 20);
        Random random = new Random(Long.getLong("caravan.crash.seed", System.nanoTime()));
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            CaravanJar caravan = caravan(sandbox);
            for (int i = 1; i <= iterations; i++) {
                long seed = 1_000 + i;
                writeRoute(caravan, seed);
                AppDatabase.clear(dataSource, SOURCE, TABLE);
                long requestsBefore = sandbox.requestCount();
                long killAt = requestsBefore + 1 + random.nextInt(PAGES - 1);

                CaravanJar.Launch launch = caravan.start("run");
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                        .until(() -> sandbox.requestCount() >= killAt || !launch.process().isAlive());
                int kills = 0;
                if (launch.process().isAlive()) {
                    launch.process().destroyForcibly();
                    kills++;
                }
                assertThat(launch.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                String output = caravan.run(0, 180, "run");

                String where = "iteration " + i + " (seed " + seed + ", killed after request "
                        + (killAt - requestsBefore) + ")";
                assertThat(output).as(where).contains(SOURCE + " completed");
                LandedData landed = LandedData.inTable(dataSource, TABLE, SOURCE);
                LandedData expected = LandedData.of(sandbox.dataSet(RECORDS, seed));
                assertThat(landed.rows()).as(where).isEqualTo(RECORDS);
                assertThat(landed.distinctKeys()).as(where).isEqualTo(RECORDS);
                assertThat(landed.checksum()).as(where).isEqualTo(expected.checksum());
                assertThat(sandbox.requestCount() - requestsBefore).as(where)
                        .isBetween((long) PAGES, (long) PAGES + (long) kills * (PAGES_PER_BATCH + 1));
            }
        }
    }

    @Test
    void sigtermCommitsWhatWasFetchedAndTheNextRunFetchesNoPageTwice() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            CaravanJar caravan = caravan(sandbox);
            writeRoute(caravan, 7);
            AppDatabase.clear(dataSource, SOURCE, TABLE);

            CaravanJar.Launch launch = caravan.start("run");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                    .until(() -> sandbox.requestCount() >= 35 || !launch.process().isAlive());
            launch.process().destroy();
            assertThat(launch.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(launch.output()).contains(SOURCE + " stopped (resumes on the next run)");
            Checkpoint stopped = CheckpointStore.open(dataSource).load(SOURCE).orElseThrow();
            assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
            long fetched = sandbox.requestCount();
            assertThat(stopped.pages()).isEqualTo(fetched);
            assertThat(stopped.records()).isEqualTo(fetched * 100);
            assertThat(LandedData.inTable(dataSource, TABLE, SOURCE).rows()).isEqualTo(fetched * 100);
            assertThat(caravan.run(0, 60, "state", "show", SOURCE))
                    .contains("status:          STOPPED").contains("records landed:  " + fetched * 100);

            String output = caravan.run(0, 180, "run");

            assertThat(output).contains(SOURCE + " completed").contains("resumed at page " + (fetched + 1));
            assertThat(sandbox.requestCount()).isEqualTo(PAGES);
            assertThat(LandedData.inTable(dataSource, TABLE, SOURCE).checksum())
                    .isEqualTo(LandedData.of(sandbox.dataSet(RECORDS, 7)).checksum());
            assertThat(caravan.run(0, 60, "state", "list")).containsPattern(SOURCE + "\\s+COMPLETED\\s+200\\s+20,000");
            assertThat(caravan.run(0, 60, "state", "reset", SOURCE)).contains("state of source '" + SOURCE + "' reset");
            assertThat(caravan.run(1, 60, "state", "show", SOURCE)).contains("no state for source '" + SOURCE + "'");
        }
    }

    private CaravanJar caravan(TestSandbox sandbox) {
        return new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url(), "CARAVAN_JDBC_URL", AppDatabase.jdbcUrl(workDir)));
    }

    private static void writeRoute(CaravanJar caravan, long seed) throws Exception {
        caravan.route(SOURCE, """
                      - name: url
                        value: "{{caravan.sandbox.url}}/helpscout/v2/conversations?records=%2$d&seed=%3$d&page_size=100"
                      - name: pagination
                        value: pageNumber
                      - name: totalPagesPath
                        value: $.page.totalPages
                      - name: recordsPath
                        value: $._embedded.conversations
                      - name: keyPath
                        value: $.id
                      - name: table
                        value: %4$s
                """.formatted(SOURCE, RECORDS, seed, TABLE));
    }
}
