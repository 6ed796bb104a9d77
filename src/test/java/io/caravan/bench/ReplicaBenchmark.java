package io.caravan.bench;

import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.RecordingProbe.Arrival;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.CheckpointStore;
import io.caravan.state.RunStatus;
import io.caravan.support.LandedData;
import io.caravan.support.SharedBackfillRoute;
import io.caravan.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One backfill of 30 daily slices (450 pages at 50 ms a request) shared by 1, 2 and 3 replicas of the
 * packaged application ({@code sharePass}, 2 slices at once each) under one budget for the API host:
 * the pass's time at the server (first request to last) and each run's wall, the speed-up, the
 * requests per second the server saw (on average, and the most in any second against the budget),
 * and whether the table equals the data set. Then the failover: of two replicas one is killed with
 * SIGKILL while it holds slices; the time from the kill to the first request of one of its slices
 * by the replica left (its lease, and then the round the survivor was busy with). The replicas share PostgreSQL at
 * {@code CARAVAN_TEST_JDBC_URL} when it is set, else an H2 file served to them all.
 *
 * <p>Run: {@code mvn -Pbench verify} (options: {@code -Dbench.replicas.rate=}, {@code -Dbench.replicas.lease=ms}).
 */
public final class ReplicaBenchmark {

    private static final String SOURCE = "replicas";
    private static final int LATENCY_MS = 50;
    private static final int CONCURRENCY = 2;
    private static final long BOUND_SECONDS = 300;

    private ReplicaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perSecond = Integer.getInteger("bench.replicas.rate", 100);
        int leaseMs = Integer.getInteger("bench.replicas.lease", 5000);
        Path jar = Path.of("target", "caravan.jar").toAbsolutePath();
        System.out.printf("%n30 daily slices, 450 pages, %d ms a request, %d slices at once per replica, budget %d requests/s"
                + " across replicas%n", LATENCY_MS, CONCURRENCY, perSecond);
        System.out.println("| replicas | pass at the server | wall (launch to last exit) | speed-up | requests | requests/s"
                + " (mean) | most in any second | budget held | table exact |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        double single = 0;
        for (int replicas = 1; replicas <= 3; replicas++) {
            Result result = run(jar, replicas, perSecond, leaseMs, false);
            single = replicas == 1 ? result.passSeconds : single;
            System.out.printf("| %d | %.2f s | %.2f s | %.2f | %d | %.1f | %d | %s | %s |%n", replicas, result.passSeconds,
                    result.wallSeconds, single / result.passSeconds, result.requests, result.requests / result.passSeconds,
                    result.mostInASecond, result.mostInASecond <= perSecond ? "yes" : "NO", result.exact ? "yes" : "NO");
        }
        Result failover = run(jar, 2, perSecond, leaseMs, true);
        System.out.printf("failover (2 replicas, one killed with SIGKILL holding %d slices, lease %d ms): its first slice"
                + " resumed %.2f s after the kill; the pass took %.2f s at the server; %d requests for 450 pages; table exact: %s;"
                + " most in any second %d%n", failover.heldAtKill, leaseMs, failover.resumeSeconds, failover.passSeconds,
                failover.requests, failover.exact ? "yes" : "NO", failover.mostInASecond);
    }

    private record Result(double passSeconds, double wallSeconds, long requests, int mostInASecond, boolean exact,
            int heldAtKill, double resumeSeconds) {
    }

    private static Result run(Path jar, int replicas, int perSecond, int leaseMs, boolean kill) throws Exception {
        Path workDir = Files.createTempDirectory("caravan-replicas");
        String external = System.getenv("CARAVAN_TEST_JDBC_URL");
        String url = external != null && !external.isBlank() ? external
                : "jdbc:h2:file:" + workDir.resolve("data").resolve("caravan") + ";AUTO_SERVER=TRUE";
        Files.createDirectories(workDir.resolve("routes"));
        Files.writeString(workDir.resolve("routes").resolve(SOURCE + ".camel.yaml"),
                new SharedBackfillRoute(SOURCE, LATENCY_MS, CONCURRENCY, perSecond, leaseMs).yaml());
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = TestDatabase.dataSource(url)) {
            CheckpointStore store = CheckpointStore.open(dataSource);
            store.reset(SOURCE);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + SOURCE);
            }
            var data = sandbox.dataSet(SharedBackfillRoute.RECORDS, 42);
            long start = System.nanoTime();
            List<Process> processes = new ArrayList<>();
            for (int replica = 0; replica < replicas; replica++) {
                // As k8s/Containerfile starts a replica: the class-data archive built with the jar, and C1 only.
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:SharedArchiveFile=" + jar.resolveSibling("caravan.jsa"), "-XX:TieredStopAtLevel=1",
                        "-jar", jar.toString(), "run").directory(workDir.toFile()).redirectErrorStream(true)
                        .redirectOutput(workDir.resolve("replica-" + replica + ".log").toFile());
                builder.environment().putAll(Map.of("CARAVAN_SANDBOX_URL", sandbox.url(), "CARAVAN_JDBC_URL", url));
                processes.add(builder.start());
            }
            int heldAtKill = 0;
            double resumeSeconds = 0;
            if (kill) {
                Process killed = processes.get(0);
                String owner = killed.pid() + "@";
                await().atMost(Duration.ofSeconds(BOUND_SECONDS)).pollInterval(Duration.ofMillis(20))
                        .until(() -> sandbox.requestCount() >= 100 && holds(store, owner) || !killed.isAlive());
                if (!killed.isAlive()) {
                    throw new IllegalStateException("the replica to kill ended before it held a started slice");
                }
                killed.destroyForcibly().waitFor();
                long killedAt = System.nanoTime();
                Set<String> held = store.sessionLeases(SOURCE).stream().filter(lease -> lease.owner() != null
                        && lease.owner().startsWith(owner) && lease.checkpoint().status() != RunStatus.COMPLETED)
                        .map(lease -> SharedBackfillRoute.sliceOfRow(lease.checkpoint().source())).collect(Collectors.toSet());
                heldAtKill = held.size();
                awaitExit(processes.subList(1, processes.size()), workDir);
                long resumed = sandbox.probe().arrivals().stream().filter(arrival -> arrival.nanoTime() > killedAt
                        && held.contains(SharedBackfillRoute.sliceOf(arrival.uri()))).mapToLong(Arrival::nanoTime).min().orElse(killedAt);
                resumeSeconds = (resumed - killedAt) / 1e9;
            } else {
                awaitExit(processes, workDir);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            for (int replica = 0; replica < replicas; replica++) {
                Files.readAllLines(workDir.resolve("replica-" + replica + ".log")).stream()
                        .filter(line -> line.contains(SOURCE + ": new pass") || line.contains(SOURCE + ": resuming the pass")
                                || line.contains(SOURCE + " completed:") && !line.startsWith(" "))
                        .forEach(line -> System.out.println("    replica " + line));
            }
            List<Arrival> arrivals = sandbox.probe().arrivals();
            double pass = (arrivals.get(arrivals.size() - 1).nanoTime() - arrivals.get(0).nanoTime()) / 1e9;
            boolean exact = LandedData.inTable(dataSource, SOURCE, SOURCE).checksum()
                    .equals(LandedData.of(SharedBackfillRoute.expected(data)).checksum());
            return new Result(pass, wall, sandbox.requestCount(), sandbox.maxRequestsWithin(Duration.ofSeconds(1)), exact,
                    heldAtKill, resumeSeconds);
        }
    }

    private static boolean holds(CheckpointStore store, String owner) {
        return store.sessionLeases(SOURCE).stream().anyMatch(lease -> lease.owner() != null && lease.owner().startsWith(owner)
                && lease.checkpoint().status() == RunStatus.RUNNING && lease.checkpoint().pages() > 0);
    }

    private static void awaitExit(List<Process> processes, Path workDir) throws Exception {
        for (Process process : processes) {
            if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("a replica ran past " + BOUND_SECONDS + " s; logs in " + workDir);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("a replica exited " + process.exitValue() + "; logs in " + workDir);
            }
        }
    }
}
