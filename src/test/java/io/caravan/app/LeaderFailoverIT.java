package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointStore;
import io.caravan.state.RunStatus;
import io.caravan.support.LandedData;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the packaged application sharing the database and a Camel cluster service: the
 * source runs only on the one that leads its namespace; that one is killed with SIGKILL mid-run, ten
 * pages after the other says it waits; the other takes the source over and resumes from the stored
 * checkpoint. The table equals the data set, and the pages fetched in total are at most the page
 * count plus the batch that had not landed and the page fetched ahead. Once with camel-file's lock
 * service on a shared folder, once with camel-kubernetes' Lease service against fabric8's mock
 * Kubernetes API server in CRUD mode (where, as in a cluster, the replicas are ready pods, and the
 * killed one's pod goes). And two sources led by two replicas at once, each landing its own.
 */
class LeaderFailoverIT {

    private static final String SOURCE = "leader";
    private static final int RECORDS = 10_000;
    private static final int PAGES = RECORDS / 100;

    @TempDir
    Path workDir;

    @Test
    void onTheFileLockTheReplicaLeftTakesTheSourceOverFromTheCheckpoint() throws Exception {
        failOver(Map.of("CARAVAN_CLUSTER", "file", "CARAVAN_CLUSTER_ROOT", workDir.resolve("cluster").toString(),
                "CARAVAN_CLUSTER_INTERVAL_MS", "500"), "first", "second", () -> { });
    }

    @Test
    void onAKubernetesLeaseTheReplicaLeftTakesTheSourceOverOnceTheLeadersPodIsGone() throws Exception {
        KubernetesMockServer kubernetes = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        kubernetes.init(InetAddress.getByName("127.0.0.1"), 0);
        try (KubernetesClient client = kubernetes.createClient()) {
            // The service counts the running, ready pods of its namespace as its members: each replica is one.
            for (String pod : List.of("pod-a", "pod-b")) {
                client.pods().inNamespace("sync").resource(new PodBuilder().withNewMetadata().withName(pod).endMetadata()
                        .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                        .endStatus().build()).create();
            }
            failOver(Map.of("CARAVAN_CLUSTER", "kubernetes",
                    "CARAVAN_CLUSTER_KUBERNETES_MASTER_URL", "http://127.0.0.1:" + kubernetes.getPort(),
                    "CARAVAN_CLUSTER_KUBERNETES_NAMESPACE", "sync", "CARAVAN_CLUSTER_LEASE_MS", "3000",
                    "CARAVAN_CLUSTER_INTERVAL_MS", "500"), "pod-a", "pod-b",
                    // As Kubernetes does once a pod's process is gone: the pod leaves the members that may lead.
                    () -> client.pods().inNamespace("sync").withName("pod-a").delete());
            List<Lease> leases = client.leases().inNamespace("sync").list().getItems();
            assertThat(leases).singleElement().satisfies(lease -> {
                assertThat(lease.getMetadata().getName()).isEqualTo("caravan-caravan-" + SOURCE);
                assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("pod-b");
            });
        } finally {
            kubernetes.destroy();
        }
    }

    @Test
    void twoSourcesLedByTwoReplicasRunAtOnceWithoutTouchingEachOthersState() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            AppDatabase.clear(dataSource, "alpha", "alpha");
            AppDatabase.clear(dataSource, "beta", "beta");
            Map<String, String> cluster = Map.of("CARAVAN_CLUSTER", "file", "CARAVAN_CLUSTER_ROOT",
                    workDir.resolve("cluster").toString(), "CARAVAN_CLUSTER_INTERVAL_MS", "500");
            String alphaRoute = CaravanJar.stripeParameters("records=20000&latency_ms=50", "alpha", """
                      - name: pageSizeParam
                        value: limit
                      - name: pageSize
                        value: "100"
                """);
            // The first replica runs alpha; the second, started once the first leads alpha, has both.
            CaravanJar first = replicaIn(sandbox, cluster, "first", "one");
            first.route("alpha", alphaRoute);
            CaravanJar second = replicaIn(sandbox, cluster, "second", "two");
            second.route("alpha", alphaRoute);
            second.route("beta", CaravanJar.stripeParameters("records=1000&seed=7", "beta", """
                      - name: pageSizeParam
                        value: limit
                      - name: pageSize
                        value: "100"
                """));

            CaravanJar.Launch alphaLeader = first.start("run");
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.requestCount() > 0 || !alphaLeader.process().isAlive());
            CaravanJar.Launch betaLeader = second.start("run");
            await().atMost(Duration.ofSeconds(60)).until(() -> betaLeader.output().contains("beta completed")
                    || !betaLeader.process().isAlive() || !alphaLeader.process().isAlive());
            long alphaRequestsThen = alphaRequests(sandbox);
            boolean alphaRunning = alphaLeader.process().isAlive();
            String betaOutput = betaLeader.output();
            betaLeader.process().destroyForcibly();
            assertThat(betaLeader.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

            String alphaOutput = alphaLeader.awaitExit(0, 120);

            assertThat(betaOutput).contains("alpha: runs on the replica that leads it; waiting for the lead")
                    .contains("beta completed: 10 pages, 1,000 records loaded");
            assertThat(alphaRunning).as("alpha still running when beta completed").isTrue();
            assertThat(alphaRequestsThen).as("alpha was midway when beta completed").isBetween(1L, 199L);
            assertThat(alphaOutput).contains("alpha completed: 200 pages, 20,000 records loaded").doesNotContain("beta");
            assertThat(alphaRequests(sandbox)).as("alpha fetched by its leader alone, once").isEqualTo(200);
            assertThat(sandbox.requestCount() - alphaRequests(sandbox)).as("beta fetched once").isEqualTo(10);
            CheckpointStore store = CheckpointStore.open(dataSource);
            assertThat(store.load("alpha").orElseThrow()).satisfies(checkpoint -> {
                assertThat(checkpoint.status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(checkpoint.records()).isEqualTo(20_000);
            });
            assertThat(store.load("beta").orElseThrow()).satisfies(checkpoint -> {
                assertThat(checkpoint.status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(checkpoint.records()).isEqualTo(1_000);
            });
            assertThat(LandedData.inTable(dataSource, "alpha", "alpha").checksum())
                    .isEqualTo(LandedData.of(sandbox.dataSet(20_000, 42)).checksum());
            assertThat(LandedData.inTable(dataSource, "beta", "beta").checksum())
                    .isEqualTo(LandedData.of(sandbox.dataSet(1_000, 7)).checksum());
        }
    }

    private static long alphaRequests(TestSandbox sandbox) {
        return sandbox.requestLog().stream().filter(uri -> uri.contains("records=20000")).count();
    }

    /** A replica in its own working directory {@code dir} (its own route files), sharing the database. */
    private CaravanJar replicaIn(TestSandbox sandbox, Map<String, String> cluster, String member, String dir) throws Exception {
        Path own = Files.createDirectories(workDir.resolve(dir));
        Map<String, String> environment = new HashMap<>(cluster);
        environment.putAll(Map.of("CARAVAN_SANDBOX_URL", sandbox.url(), "CARAVAN_JDBC_URL", AppDatabase.jdbcUrl(workDir),
                "CARAVAN_CLUSTER_MEMBER", member));
        return new CaravanJar(own, environment);
    }

    /**
     * The failover with the cluster settings {@code cluster}, the replicas named {@code first} (the leader)
     * and {@code second}; {@code afterKill} is what the platform does once the leader's process is gone.
     */
    private void failOver(Map<String, String> cluster, String first, String second, Runnable afterKill) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            AppDatabase.clear(dataSource, SOURCE, SOURCE);
            CaravanJar leaderJar = replica(sandbox, cluster, first);
            leaderJar.route(SOURCE, CaravanJar.stripeParameters("records=" + RECORDS + "&latency_ms=100", SOURCE, """
                      - name: pageSizeParam
                        value: limit
                      - name: pageSize
                        value: "100"
                      - name: batchSize
                        value: "100"
                """));

            CaravanJar.Launch leader = leaderJar.start("run");
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.requestCount() > 0 || !leader.process().isAlive());
            CaravanJar.Launch standby = replica(sandbox, cluster, second).start("run");
            String waiting = SOURCE + ": runs on the replica that leads it; waiting for the lead";
            await().atMost(Duration.ofSeconds(60)).until(() -> standby.output().contains(waiting) || !standby.process().isAlive());
            assertThat(standby.output()).contains(waiting);
            long whileWaiting = sandbox.requestCount();
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.requestCount() >= whileWaiting + 10
                    || !leader.process().isAlive());
            assertThat(leader.process().isAlive()).as("the leader is still running; output:%n%s", leader.output()).isTrue();
            assertThat(sandbox.requestCount()).as("only the leader fetched").isLessThan(PAGES);
            leader.process().destroyForcibly();
            assertThat(leader.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            afterKill.run();
            Checkpoint atKill = CheckpointStore.open(dataSource).load(SOURCE).orElseThrow();

            String output = standby.awaitExit(0, 120);

            assertThat(atKill.next().pageIndex()).isPositive();
            assertThat(output).contains(SOURCE + " completed").contains("resumed at page " + (atKill.next().pageIndex() + 1));
            LandedData landed = LandedData.inTable(dataSource, SOURCE, SOURCE);
            assertThat(landed.rows()).isEqualTo(RECORDS);
            assertThat(landed.distinctKeys()).isEqualTo(RECORDS);
            assertThat(landed.checksum()).isEqualTo(LandedData.of(sandbox.dataSet(RECORDS, 42)).checksum());
            assertThat(sandbox.requestCount()).isBetween((long) PAGES, (long) PAGES + 2);
        }
    }

    private CaravanJar replica(TestSandbox sandbox, Map<String, String> cluster, String member) {
        Map<String, String> environment = new HashMap<>(cluster);
        environment.putAll(Map.of("CARAVAN_SANDBOX_URL", sandbox.url(), "CARAVAN_JDBC_URL", AppDatabase.jdbcUrl(workDir),
                "CARAVAN_CLUSTER_MEMBER", member));
        return new CaravanJar(workDir, environment);
    }
}
