package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointStore;
import io.caravan.support.LandedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the packaged application on one host, sharing the database and camel-file's
 * lock cluster service ({@code caravan.cluster=file}): the source runs only on the one that leads
 * its namespace; that one is killed with SIGKILL mid-run, ten pages after the other says it waits;
 * the other takes the source over and resumes from the stored checkpoint. The table equals the data set, and the pages fetched in total
 * are at most the page count plus the batch that had not landed and the page fetched ahead.
 */
class LeaderFailoverIT {

    private static final String SOURCE = "leader";
    private static final int RECORDS = 10_000;
    private static final int PAGES = RECORDS / 100;

    @TempDir
    Path workDir;

    @Test
    void theReplicaLeftTakesTheSourceOverFromTheCheckpointWhenTheLeaderIsKilled() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            AppDatabase.clear(dataSource, SOURCE, SOURCE);
            CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url(),
                    "CARAVAN_JDBC_URL", AppDatabase.jdbcUrl(workDir), "CARAVAN_CLUSTER", "file",
                    "CARAVAN_CLUSTER_ROOT", workDir.resolve("cluster").toString(), "CARAVAN_CLUSTER_INTERVAL_MS", "500"));
            caravan.route(SOURCE, CaravanJar.stripeParameters("records=" + RECORDS + "&latency_ms=100", SOURCE, """
                      - name: pageSizeParam
                        value: limit
                      - name: pageSize
                        value: "100"
                      - name: batchSize
                        value: "100"
                """));

            CaravanJar.Launch leader = caravan.start("run");
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.requestCount() > 0 || !leader.process().isAlive());
            CaravanJar.Launch standby = caravan.start("run");
            String waiting = SOURCE + ": another replica leads this source; waiting to take it over";
            await().atMost(Duration.ofSeconds(60)).until(() -> standby.output().contains(waiting) || !standby.process().isAlive());
            assertThat(standby.output()).contains(waiting);
            long whileWaiting = sandbox.requestCount();
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.requestCount() >= whileWaiting + 10
                    || !leader.process().isAlive());
            assertThat(leader.process().isAlive()).as("the leader is still running; output:%n%s", leader.output()).isTrue();
            long beforeKill = sandbox.requestCount();
            assertThat(beforeKill).as("only the leader fetched").isLessThan(PAGES);
            leader.process().destroyForcibly();
            assertThat(leader.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            Checkpoint atKill = CheckpointStore.open(dataSource).load(SOURCE).orElseThrow();

            String output = standby.awaitExit(0, 120);

            assertThat(output).contains(SOURCE + " completed").contains("resumed at page " + (atKill.next().pageIndex() + 1));
            assertThat(atKill.next().pageIndex()).isPositive();
            LandedData landed = LandedData.inTable(dataSource, SOURCE, SOURCE);
            assertThat(landed.rows()).isEqualTo(RECORDS);
            assertThat(landed.distinctKeys()).isEqualTo(RECORDS);
            assertThat(landed.checksum()).isEqualTo(LandedData.of(sandbox.dataSet(RECORDS, 42)).checksum());
            assertThat(sandbox.requestCount()).isBetween((long) PAGES, (long) PAGES + 2);
        }
    }
}
