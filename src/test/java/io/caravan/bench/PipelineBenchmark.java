package io.caravan.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunSummary;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.CaravanHarness;
import io.caravan.support.SandboxContract;
import io.caravan.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Pipelined pages against the hand-written sequential floor, into PostgreSQL where
 * {@code CARAVAN_TEST_JDBC_URL} names one (in-memory H2 otherwise). First W, the time Caravan takes
 * to parse and land a page, is measured with no latency and prefetch off; then the sandbox answers
 * every request after L ≈ W (L, its answer time, measured at the sandbox: the latency knob plus its
 * own work), and after a 20 ms knob, and the floor, Caravan with prefetch off and
 * Caravan with prefetch on (the default) each extract the same records, alternating, several
 * measured rounds after warm-ups. Prints each median, the speed-up over the floor, and Caravan's
 * wall against pages × 20 ms.
 *
 * <p>Run: {@code mvn -Pbench verify} (options: {@code -Dbench.pipeline.records=N -Dbench.rounds=N
 * -Dbench.warmups=N}).
 */
public final class PipelineBenchmark {

    private static final int PAGE = 100;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.pipeline.records", 20_000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int warmups = Integer.getInteger("bench.warmups", 3);
        Configurator.setLevel("io.caravan", Level.WARN);
        String postgres = System.getenv("CARAVAN_TEST_JDBC_URL");
        String sink = postgres != null ? "PostgreSQL" : "in-memory H2";
        long pages = (records + PAGE - 1) / PAGE;

        try (TestSandbox sandbox = TestSandbox.start(0);
                HikariDataSource dataSource = FloorBenchmark.pool(postgres != null ? postgres : "jdbc:h2:mem:pipeline;DB_CLOSE_DELAY=-1");
                CaravanHarness caravan = new CaravanHarness(dataSource)) {
            sandbox.dataSet(records, 42);
            Sides sides = new Sides(sandbox, dataSource, caravan, records, rounds, warmups);
            System.out.printf("%,d records in %,d pages of %d, into %s, %d rounds after %d warm-ups%n", records, pages, PAGE,
                    sink, rounds, warmups);

            Medians none = sides.measure(0);
            double landing = none.sequential() / pages;
            // The knob that makes the sandbox's answer time L about W: its own work comes on top of the knob.
            int latency = (int) Math.max(1, Math.round((landing - none.answer()) * 1000));
            System.out.printf("W: Caravan fetches, parses and lands a page in %.2f ms with no latency, prefetch off, of which"
                    + " %.2f ms the sandbox's own answer%n", landing * 1000, none.answer() * 1000);

            Medians even = sides.measure(latency);
            System.out.printf("latency knob %d ms (L ≈ W): floor %.3f s, Caravan sequential %.3f s, Caravan pipelined %.3f s;"
                    + " pipelined is %.2f× the floor's speed (goal ≥ 1.6, limit 2), the sandbox answering in %.2f ms%n", latency,
                    even.floor(), even.sequential(), even.pipelined(), even.floor() / even.pipelined(), even.answer() * 1000);

            Medians slow = sides.measure(20);
            double ideal = pages * 0.020;
            System.out.printf("L = 20 ms: floor %.3f s, Caravan sequential %.3f s, Caravan pipelined %.3f s = %.3f × pages × 20 ms"
                    + " (%.3f s; goal within 10 %%)%n", slow.floor(), slow.sequential(), slow.pipelined(), slow.pipelined() / ideal,
                    ideal);
            System.out.printf("the sandbox answered each request in %.2f ms (its 20 ms knob and its own work): Caravan's wall is"
                    + " %.3f × pages × that%n", slow.answer() * 1000, slow.pipelined() / (pages * slow.answer()));
            sides.drop();
        }
    }

    /**
     * The medians of one latency: the floor's, Caravan's with prefetch off, and with it on; and the
     * sandbox's mean answer time to the pipelined runs (its latency knob plus its own work), in seconds.
     */
    private record Medians(double floor, double sequential, double pipelined, double answer) {
    }

    /** The three sides over one sandbox and one database. */
    private static final class Sides {

        private final TestSandbox sandbox;
        private final HikariDataSource dataSource;
        private final CaravanHarness caravan;
        private final int records;
        private final int rounds;
        private final int warmups;
        private final String floorTable = TestDatabase.uniqueTable("pipe_floor");
        private final String sequentialTable = TestDatabase.uniqueTable("pipe_seq");
        private final String pipelinedTable = TestDatabase.uniqueTable("pipe_ahead");
        private final FloorClient floor = new FloorClient();

        Sides(TestSandbox sandbox, HikariDataSource dataSource, CaravanHarness caravan, int records, int rounds, int warmups) {
            this.sandbox = sandbox;
            this.dataSource = dataSource;
            this.caravan = caravan;
            this.records = records;
            this.rounds = rounds;
            this.warmups = warmups;
        }

        /** Alternates the three sides with the sandbox answering after {@code latencyMs}; their medians in seconds. */
        Medians measure(int latencyMs) throws Exception {
            String latency = "&latency_ms=" + latencyMs;
            source("sequential", sequentialTable, latency, "false");
            source("pipelined", pipelinedTable, latency, "true");
            String floorUrl = sandbox.url() + "/stripe/v1/customers?records=" + records + "&limit=" + PAGE + latency;
            List<Double> floorSeconds = new ArrayList<>();
            List<Double> sequentialSeconds = new ArrayList<>();
            List<Double> pipelinedSeconds = new ArrayList<>();
            long answerNanos = 0;
            long answers = 0;
            for (int round = 1 - warmups; round <= rounds; round++) {
                FloorBenchmark.empty(dataSource, floorTable, sequentialTable, pipelinedTable);
                long start = System.nanoTime();
                floor.extract(floorUrl, dataSource, floorTable);
                double floorTime = (System.nanoTime() - start) / 1e9;
                double sequentialTime = run("sequential", sequentialTable);
                long[] before = sandbox.probe().answerTimes();
                double pipelinedTime = run("pipelined", pipelinedTable);
                long[] after = sandbox.probe().answerTimes();
                if (round > 0) {
                    answerNanos += after[0] - before[0];
                    answers += after[1] - before[1];
                }
                if (FloorBenchmark.count(dataSource, floorTable) != records) {
                    throw new IllegalStateException("the floor did not land all " + records + " records");
                }
                System.out.printf("L %2d ms %-8s floor %.3f s   sequential %.3f s   pipelined %.3f s%n", latencyMs,
                        round <= 0 ? "warm-up" : "round " + round, floorTime, sequentialTime, pipelinedTime);
                if (round > 0) {
                    floorSeconds.add(floorTime);
                    sequentialSeconds.add(sequentialTime);
                    pipelinedSeconds.add(pipelinedTime);
                }
            }
            return new Medians(FloorBenchmark.median(floorSeconds), FloorBenchmark.median(sequentialSeconds),
                    FloorBenchmark.median(pipelinedSeconds), answerNanos / 1e9 / answers);
        }

        void drop() throws Exception {
            FloorBenchmark.drop(dataSource, floorTable, sequentialTable, pipelinedTable);
        }

        private void source(String name, String table, String latency, String prefetch) throws Exception {
            Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), records, latency);
            params.put("table", table);
            params.put("pageSize", Integer.toString(PAGE));
            params.put("batchSize", Integer.toString(PAGE));
            params.put("prefetch", prefetch);
            if (caravan.context().getRoute(name) == null) {
                caravan.addSource(name, params);
            } else {
                caravan.replaceSource(name, params);
            }
        }

        private double run(String source, String table) throws Exception {
            long start = System.nanoTime();
            RunSummary summary = caravan.run(source);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (summary.recordsLoaded() != records || FloorBenchmark.count(dataSource, table) != records) {
                throw new IllegalStateException(source + " did not land all " + records + " records");
            }
            return seconds;
        }
    }
}
