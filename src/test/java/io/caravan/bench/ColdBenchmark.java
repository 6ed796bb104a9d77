package io.caravan.bench;

import io.caravan.sandbox.TestSandbox;
import io.caravan.state.CheckpointStore;
import io.caravan.support.SandboxContract;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What users get: every peer started as a fresh process per sync, as a CronJob or a scheduler
 * starts it, alternating the peers round by round against one sandbox. Caravan ({@code java -jar
 * target/caravan.jar run FILE}: into the H2 file, with the class-data-sharing archive, with C1 only,
 * into in-memory H2 and into PostgreSQL), the hand-written floor ({@link FloorProcess}, the same
 * sinks) and got (stores nothing); a one-page run of each for startup; and one run of 1,000,000
 * records with {@code -Xmx64m}, its heap after each collection drawn over time. Prints the tables of
 * {@code docs/benchmarks.md} and draws its charts into {@code docs/img}.
 *
 * <p>Run: {@code mvn -Pbench -DskipTests verify} (options {@code -Dbench.cold.records=N
 * -Dbench.cold.rounds=N -Dbench.cold.million=false}; PostgreSQL from {@code CARAVAN_TEST_JDBC_URL}).
 */
public final class ColdBenchmark {

    private static final Pattern GC = Pattern.compile("\\[(\\d+\\.\\d+)s].*Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path root = Path.of("").toAbsolutePath();
    private final Path work = root.resolve("target/bench-cold");
    private final String postgres = System.getenv("CARAVAN_TEST_JDBC_URL");
    /** The floor's classpath: its classes, Jackson and the JDBC drivers, as a hand-written loop would ship. */
    private final String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> entry.contains("test-classes") || entry.contains("jackson") || entry.contains("/h2/")
                    || entry.contains("postgresql"))
            .collect(Collectors.joining(File.pathSeparator));
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private ColdBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        new ColdBenchmark().run(Integer.getInteger("bench.cold.records", 100_000), Integer.getInteger("bench.cold.rounds", 3),
                Boolean.parseBoolean(System.getProperty("bench.cold.million", "true")));
    }

    private void run(int records, int rounds, boolean million) throws Exception {
        Files.createDirectories(work);
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            String url = sandbox.url() + "/stripe/v1/customers?records=" + records + "&limit=100";
            sandbox.dataSet(records, 42);
            new FloorClient().pull(url);
            Map<String, List<FreshProcess.Run>> cold = measure(peers(sandbox.url(), records, url, true), rounds, records);
            Map<String, List<FreshProcess.Run>> startup = measure(peers(sandbox.url(), 1, sandbox.url()
                    + "/stripe/v1/customers?records=1&limit=100", false), rounds * 2, 1);
            System.out.printf("%n%,d Stripe-style records in pages of 100, %d rounds, a fresh process per run (median)%n%n", records, rounds);
            print(cold, records);
            System.out.printf("%nOne page of one record (startup), %d rounds (median)%n%n", rounds * 2);
            print(startup, 1);
            Map<String, Double> rates = new LinkedHashMap<>();
            cold.forEach((peer, list) -> rates.put(peer, records / median(list)));
            BenchCharts.bars(root.resolve("docs/img/cold-throughput.png"), String.format("%,d records, fresh process per run", records),
                    "records/s", rates);
            Map<String, Double> starts = new LinkedHashMap<>();
            startup.forEach((peer, list) -> starts.put(peer, median(list)));
            BenchCharts.bars(root.resolve("docs/img/startup.png"), "A one-page run, fresh process", "seconds", starts);
            if (million) {
                million(sandbox.url());
            }
        }
    }

    /** The peers: Caravan's variants into the H2 file and the floor; with {@code all}, every sink and got too. */
    private List<FreshProcess> peers(String sandbox, int records, String url, boolean all) throws Exception {
        List<FreshProcess> peers = new ArrayList<>();
        String file = "jdbc:h2:file:" + work.resolve("h2/db") + ";DB_CLOSE_ON_EXIT=FALSE";
        peers.add(caravan("Caravan, H2 file", sandbox, records, file, List.of()));
        peers.add(caravan("Caravan, H2 file, CDS", sandbox, records, file, List.of("-XX:SharedArchiveFile=target/caravan.jsa")));
        peers.add(caravan("Caravan, H2 file, CDS + C1", sandbox, records, file,
                List.of("-XX:SharedArchiveFile=target/caravan.jsa", "-XX:TieredStopAtLevel=1")));
        peers.add(floor("floor, H2 file", url, file));
        if (!all) {
            return peers;
        }
        peers.add(caravan("Caravan, H2 in memory", sandbox, records, "jdbc:h2:mem:cold;DB_CLOSE_DELAY=-1", List.of()));
        peers.add(floor("floor, H2 in memory", url, "jdbc:h2:mem:cold;DB_CLOSE_DELAY=-1"));
        if (postgres != null) {
            peers.add(caravan("Caravan, PostgreSQL", sandbox, records, postgres, List.of()));
            peers.add(floor("floor, PostgreSQL", url, postgres));
        }
        FreshProcess peer = GotPeer.prepare(work, url);
        if (peer != null) {
            peers.add(peer);
        }
        return peers;
    }

    private FreshProcess caravan(String name, String sandbox, int records, String jdbcUrl, List<String> flags) throws Exception {
        Path routes = work.resolve(records + "-records.camel.yaml");
        Map<String, String> parameters = SandboxContract.STRIPE.parameters(sandbox, records, "");
        parameters.put("keyPath", "$.id");
        parameters.put("table", "cold_caravan");
        StringBuilder yaml = new StringBuilder("- templatedRoute:\n    routeTemplateRef: caravan-paginated-http\n    routeId: cold\n"
                + "    parameters:\n      - name: source\n        value: cold\n");
        parameters.forEach((key, value) -> yaml.append("      - name: ").append(key).append("\n        value: \"").append(value).append("\"\n"));
        Files.writeString(routes, yaml);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(flags);
        command.addAll(List.of("-jar", "target/caravan.jar", "run", routes.toString()));
        Map<String, String> environment = new LinkedHashMap<>(Map.of("CARAVAN_JDBC_URL", jdbcUrl));
        if (jdbcUrl.startsWith("jdbc:postgresql")) {
            environment.put("CARAVAN_JDBC_USER", "postgres");
        }
        return new FreshProcess(name, command, environment, root);
    }

    private FreshProcess floor(String name, String url, String jdbcUrl) {
        return new FreshProcess(name, List.of(java, "-cp", classpath, FloorProcess.class.getName(), url, jdbcUrl, "cold_floor"),
                Map.of(), root);
    }

    /** Every peer once per round, in turn, each from an empty sink; checks each landed every record. */
    private Map<String, List<FreshProcess.Run>> measure(List<FreshProcess> peers, int rounds, int records) throws Exception {
        Map<String, List<FreshProcess.Run>> runsByPeer = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (FreshProcess peer : peers) {
                empty();
                FreshProcess.Run run = peer.run();
                String landed = String.format("%,d records loaded", records);
                if (!run.output().contains(landed) && !run.output().contains("landed " + records + " records")
                        && !run.output().contains("got read " + records + " records")) {
                    throw new IllegalStateException(peer.name() + " did not land " + records + " records:\n" + run.output());
                }
                System.out.printf("round %d  %-28s %7.2f s  %6d MB%n", round, peer.name(), run.seconds(), run.peakRssKb() / 1024);
                runsByPeer.computeIfAbsent(peer.name(), name -> new ArrayList<>()).add(run);
            }
        }
        return runsByPeer;
    }

    /** A fresh sink for the next run: the H2 file removed, and in PostgreSQL the tables and the source's state dropped. */
    private void empty() throws Exception {
        Path h2 = work.resolve("h2");
        if (Files.exists(h2)) {
            try (Stream<Path> files = Files.walk(h2)) {
                files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        if (postgres != null) {
            try (Connection connection = DriverManager.getConnection(postgres); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS cold_caravan");
                statement.execute("DROP TABLE IF EXISTS cold_floor");
            }
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(postgres);
            CheckpointStore.open(dataSource).reset("cold");
        }
    }

    private static void print(Map<String, List<FreshProcess.Run>> runs, int records) {
        boolean rates = records > 1;
        System.out.println(rates ? "| peer | wall | records/s | peak RSS |\n| --- | --- | --- | --- |" : "| peer | wall | peak RSS |\n| --- | --- | --- |");
        runs.forEach((peer, list) -> {
            double seconds = median(list);
            long rss = list.stream().mapToLong(FreshProcess.Run::peakRssKb).sorted().toArray()[list.size() / 2] / 1024;
            System.out.println(rates ? String.format("| %s | %.2f s | %,.0f | %d MB |", peer, seconds, records / seconds, rss)
                    : String.format("| %s | %.2f s | %d MB |", peer, seconds, rss));
        });
    }

    /** 1,000,000 records into the H2 file with a 64 MB heap, exactly; the heap after each collection drawn over time. */
    private void million(String sandbox) throws Exception {
        int records = 1_000_000;
        empty();
        Path gcLog = work.resolve("million-gc.log");
        FreshProcess peer = caravan("Caravan, 1,000,000 records, -Xmx64m", sandbox, records,
                "jdbc:h2:file:" + work.resolve("h2/db") + ";DB_CLOSE_ON_EXIT=FALSE", List.of("-Xmx64m", "-Xlog:gc:file=" + gcLog + ":uptime"));
        FreshProcess.Run run = peer.run();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + work.resolve("h2/db"));
        h2.setUser("sa");
        long rows;
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(DISTINCT record_key) FROM cold_caravan")) {
            count.next();
            rows = count.getLong(1);
        }
        List<double[]> heap = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher gc = GC.matcher(line);
            if (gc.find()) {
                heap.add(new double[] {Double.parseDouble(gc.group(1)), Double.parseDouble(gc.group(3))});
            }
        }
        double most = heap.stream().mapToDouble(point -> point[1]).max().orElse(0);
        System.out.printf("%n1,000,000 records, -Xmx64m, H2 file: %.1f s, %,d distinct keys landed, peak RSS %d MB,"
                + " %d collections, heap after a collection at most %.0f MB%n", run.seconds(), rows, run.peakRssKb() / 1024, heap.size(), most);
        if (rows != records) {
            throw new IllegalStateException("the 1,000,000-record run landed " + rows + " records");
        }
        BenchCharts.line(root.resolve("docs/img/million-heap.png"), "1,000,000 records with -Xmx64m: heap after each collection",
                "seconds", "MB", heap);
    }

    private static double median(List<FreshProcess.Run> runs) {
        double[] seconds = runs.stream().mapToDouble(FreshProcess.Run::seconds).sorted().toArray();
        return seconds[seconds.length / 2];
    }
}
