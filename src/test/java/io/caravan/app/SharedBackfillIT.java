package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.DataSet;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.CheckpointStore;
import io.caravan.state.RunStatus;
import io.caravan.state.SessionLease;
import io.caravan.support.LandedData;
import io.caravan.support.SharedBackfillRoute;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas of the packaged application share one 30-slice backfill ({@code sharePass}) through
 * the shared database, within one request budget for the API host; one of them is killed with
 * SIGKILL while it holds slices. The two left take its slices over once their leases expire, and
 * finish the pass: the table equals the data set, no slice is fetched again after it completed (only
 * the killed replica's unfinished slices see requests past their pages, at most their unlanded page
 * and the one fetched ahead), and the server never saw more requests in a second than the budget.
 */
class SharedBackfillIT {

    private static final int PER_SECOND = 40;
    /** 240 pages of 50: 6 s for one replica at 40 requests a second. */
    private static final int RANGE_RECORDS = 12_000;

    @TempDir
    Path workDir;

    @Test
    void threeReplicasShareTheSlicesAndTheTwoLeftFinishTheKilledOnesFromTheirCheckpoints() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            AppDatabase.clear(dataSource, "shared", "shared");
            // With a cluster service too, as where other sources are led: a shared pass runs on every replica.
            CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url(),
                    "CARAVAN_JDBC_URL", AppDatabase.jdbcUrl(workDir), "CARAVAN_CLUSTER", "file",
                    "CARAVAN_CLUSTER_ROOT", workDir.resolve("cluster").toString()));
            caravan.routeFile("shared", new SharedBackfillRoute("shared", 20, 2, PER_SECOND, 3000).yaml());
            List<CaravanJar.Launch> replicas = new ArrayList<>();
            for (int replica = 0; replica < 3; replica++) {
                replicas.add(caravan.start("run"));
            }
            CheckpointStore store = CheckpointStore.open(dataSource);
            CaravanJar.Launch killed = replicas.get(0);
            String killedName = killed.process().pid() + "@";
            // Killed once every replica has joined the pass and this one holds a slice it has fetched pages of.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() ->
                    replicas.stream().allMatch(this::joined) && holdsStartedSlice(store, killedName)
                    || replicas.stream().anyMatch(launch -> !launch.process().isAlive()));
            assertThat(replicas).allSatisfy(launch -> assertThat(launch.process().isAlive()).isTrue());
            killed.process().destroyForcibly();
            assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            Set<String> heldAtKill = store.sessionLeases("shared").stream()
                    .filter(lease -> lease.owner() != null && lease.owner().startsWith(killedName)
                            && lease.checkpoint().status() != RunStatus.COMPLETED)
                    .map(lease -> SharedBackfillRoute.sliceOfRow(lease.checkpoint().source())).collect(Collectors.toSet());

            String second = replicas.get(1).awaitExit(0, 180);
            String third = replicas.get(2).awaitExit(0, 180);

            assertThat(heldAtKill).isNotEmpty();
            // One replica planned the pass; the others, starting with it, joined it rather than planning their own.
            List<String> outputs = List.of(killed.output(), second, third);
            assertThat(outputs).filteredOn(output -> output.contains("shared: new pass of 30 slices")).hasSize(1);
            assertThat(outputs).filteredOn(output -> output.contains("shared: resuming the pass: ")).hasSize(2);
            assertThat(second + third).contains("whose lease expired").contains("over from replica " + killedName);
            assertThat(second).contains("shared completed").contains("by other replicas)");
            assertThat(third).contains("shared completed").contains("by other replicas)");
            DataSet data = sandbox.dataSet(SharedBackfillRoute.RECORDS, 42);
            LandedData expected = LandedData.of(SharedBackfillRoute.expected(data));
            assertThat(LandedData.inTable(dataSource, "shared", "shared").checksum()).isEqualTo(expected.checksum());
            assertThat(store.sessionLeases("shared")).hasSize(SharedBackfillRoute.DAYS)
                    .allSatisfy(lease -> assertThat(lease.checkpoint().status()).isEqualTo(RunStatus.COMPLETED));
            assertThat(store.load("shared").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
            Map<String, Long> requests = sandbox.requestLog().stream().collect(Collectors.groupingBy(
                    SharedBackfillRoute::sliceOf, Collectors.counting()));
            Map<String, Long> pages = SharedBackfillRoute.dailyPages(data);
            assertThat(requests.keySet()).isEqualTo(pages.keySet());
            Map<String, Long> refetched = new HashMap<>();
            pages.forEach((slice, count) -> {
                if (requests.get(slice) > count) {
                    refetched.put(slice, requests.get(slice) - count);
                }
            });
            assertThat(heldAtKill).containsAll(refetched.keySet());
            assertThat(refetched.values()).allSatisfy(extra -> assertThat(extra).isBetween(1L, 2L));
            pages.forEach((slice, count) -> assertThat(requests.get(slice)).as(slice).isGreaterThanOrEqualTo(count));
            assertThat(sandbox.maxRequestsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(PER_SECOND);
        }
    }

    @Test
    void twoReplicasShareTheRangesOfParallelPagesAndFetchEachPageOnce() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            AppDatabase.clear(dataSource, "ranges", "ranges");
            CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url(),
                    "CARAVAN_JDBC_URL", AppDatabase.jdbcUrl(workDir)));
            caravan.routeFile("ranges", """
                    - templatedRoute:
                        routeTemplateRef: caravan-paginated-http
                        routeId: ranges
                        parameters:
                          - name: source
                            value: ranges
                          - name: keyPath
                            value: $.id
                          - name: table
                            value: ranges
                          - name: url
                            value: "{{caravan.sandbox.url}}/helpscout/v2/conversations?records=%d&page_size=50&latency_ms=50"
                          - name: pagination
                            value: pageNumber
                          - name: recordsPath
                            value: $._embedded.conversations
                          - name: totalPagesPath
                            value: $.page.totalPages
                          - name: parallelPages
                            value: "true"
                          - name: concurrency
                            value: "2"
                          - name: requestsPerSecond
                            value: "%d"
                          - name: sharePass
                            value: "true"
                          - name: sessionLeaseMs
                            value: "3000"
                    """.formatted(RANGE_RECORDS, PER_SECOND));
            CaravanJar.Launch first = caravan.start("run");
            CaravanJar.Launch second = caravan.start("run");
            String firstOutput = first.awaitExit(0, 180);
            String secondOutput = second.awaitExit(0, 180);

            assertThat(List.of(firstOutput, secondOutput)).allSatisfy(output -> assertThat(output)
                    .contains("ranges completed").contains("by other replicas)"));
            DataSet data = sandbox.dataSet(RANGE_RECORDS, 42);
            assertThat(LandedData.inTable(dataSource, "ranges", "ranges").checksum())
                    .isEqualTo(LandedData.of(data).checksum());
            // Every page fetched once, by one replica or the other: none twice, none left out.
            Map<String, Long> pages = sandbox.requestLog().stream().collect(Collectors.groupingBy(
                    uri -> uri.contains("page=") ? uri.substring(uri.indexOf("page=") + 5).split("&")[0] : "1",
                    Collectors.counting()));
            assertThat(pages).hasSize(RANGE_RECORDS / 50).allSatisfy((page, count) -> assertThat(count).as(page).isEqualTo(1L));
            assertThat(sandbox.maxRequestsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(PER_SECOND);
        }
    }

    /** Whether the replica of {@code launch} has planned or joined the pass (its log says so). */
    private boolean joined(CaravanJar.Launch launch) {
        try {
            String output = launch.output();
            return output.contains("shared: new pass of") || output.contains("shared: resuming the pass");
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the replica named {@code owner…} holds a slice with pages landed and more to fetch. */
    private static boolean holdsStartedSlice(CheckpointStore store, String owner) {
        return store.sessionLeases("shared").stream().anyMatch(lease -> lease.owner() != null && lease.owner().startsWith(owner)
                && lease.checkpoint().status() == RunStatus.RUNNING && lease.checkpoint().pages() > 0);
    }
}
