package io.caravan.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunSummary;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.CaravanHarness;
import io.caravan.support.SandboxContract;
import io.caravan.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Caravan against the hand-written floor: the same 100,000 Stripe-style records from the same
 * sandbox into the same kind of table in in-memory H2, then in PostgreSQL where
 * {@code CARAVAN_TEST_JDBC_URL} names one, both committing every page of 100,
 * alternating, several measured rounds after warm-up rounds (the JIT needs about three to settle).
 * Prints both medians and the ratio Caravan/floor.
 *
 * <p>Run: {@code mvn -Pbench verify} (options: {@code -Dbench.records=N -Dbench.rounds=N -Dbench.warmups=N
 * -Dbench.pageSize=N}; pages larger than 100 lift the sandbox's cap).
 */
public final class FloorBenchmark {

    private FloorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 100_000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int warmups = Integer.getInteger("bench.warmups", 3);
        Configurator.setLevel("io.caravan", Level.WARN);

        try (TestSandbox sandbox = TestSandbox.start(0)) {
            sandbox.dataSet(records, 42);
            try (HikariDataSource h2 = pool("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1")) {
                measure("in-memory H2", h2, sandbox, records, rounds, warmups);
            }
            String postgres = System.getenv("CARAVAN_TEST_JDBC_URL");
            if (postgres != null) {
                try (HikariDataSource pg = pool(postgres)) {
                    measure("PostgreSQL", pg, sandbox, records, rounds, warmups);
                }
            }
        }
    }

    /** Alternates the floor and Caravan into the sink of {@code dataSource}, and prints both medians and their ratio. */
    private static void measure(String sink, HikariDataSource dataSource, TestSandbox sandbox, int records, int rounds,
            int warmups) throws Exception {
        try (CaravanHarness caravan = new CaravanHarness(dataSource)) {
            String floorTable = TestDatabase.uniqueTable("bench_floor");
            String caravanTable = TestDatabase.uniqueTable("bench_caravan");
            int pageSize = Integer.getInteger("bench.pageSize", 100);
            String cap = pageSize > 100 ? "&max_page_size=" + pageSize : "";
            Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), records, cap);
            params.put("table", caravanTable);
            params.put("pageSize", Integer.toString(pageSize));
            params.put("batchSize", Integer.toString(Math.max(100, pageSize)));
            caravan.addSource("bench", params);
            String floorUrl = sandbox.url() + "/stripe/v1/customers?records=" + records + "&limit=" + pageSize + cap;
            FloorClient floor = new FloorClient();

            List<Double> floorSeconds = new ArrayList<>();
            List<Double> caravanSeconds = new ArrayList<>();
            for (int round = 1 - warmups; round <= rounds; round++) {
                empty(dataSource, floorTable, caravanTable);
                long start = System.nanoTime();
                long floorPages = floor.extract(floorUrl, dataSource, floorTable);
                double floorTime = (System.nanoTime() - start) / 1e9;

                start = System.nanoTime();
                RunSummary summary = caravan.run("bench");
                double caravanTime = (System.nanoTime() - start) / 1e9;

                if (summary.recordsLoaded() != records || count(dataSource, caravanTable) != records
                        || count(dataSource, floorTable) != records) {
                    throw new IllegalStateException("a side did not land all " + records + " records");
                }
                String label = round <= 0 ? "warm-up" : "round " + round;
                System.out.printf("%-8s floor %.3f s (%,.0f pages/s)   caravan %.3f s (%,.0f pages/s)%n", label,
                        floorTime, floorPages / floorTime, caravanTime, summary.pages() / caravanTime);
                if (round > 0) {
                    floorSeconds.add(floorTime);
                    caravanSeconds.add(caravanTime);
                }
            }
            long start = System.nanoTime();
            long pulled = floor.pull(floorUrl);
            double pullSeconds = (System.nanoTime() - start) / 1e9;
            double floorMedian = median(floorSeconds);
            double caravanMedian = median(caravanSeconds);
            long pages = (records + pageSize - 1) / pageSize;
            System.out.printf("%nrecords %,d in pages of %d, %d rounds after %d warm-ups, %s%n", records, pageSize,
                    rounds, warmups, sink);
            System.out.printf("per page: floor %.0f µs, caravan %.0f µs, caravan's overhead %.0f µs%n", floorMedian * 1e6 / pages,
                    caravanMedian * 1e6 / pages, (caravanMedian - floorMedian) * 1e6 / pages);
            System.out.printf("floor   median %.3f s  (%,.0f records/s)%n", floorMedian, records / floorMedian);
            System.out.printf("caravan median %.3f s  (%,.0f records/s)%n", caravanMedian, records / caravanMedian);
            System.out.printf("ratio caravan/floor %.2f%n", caravanMedian / floorMedian);
            System.out.printf("sandbox ceiling: the floor client fetching and parsing only, %,.0f pages/s%n",
                    pulled / pullSeconds);
            drop(dataSource, floorTable, caravanTable);
        }
    }

    /** Empties both tables, creating them first (both in Caravan's landing-table layout). */
    static void empty(HikariDataSource dataSource, String... tables) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (source VARCHAR(200) NOT NULL,"
                        + " record_key VARCHAR(512) NOT NULL, payload " + payloadType(connection) + " NOT NULL, fetched_at TIMESTAMP NOT NULL,"
                        + " PRIMARY KEY (source, record_key))");
                statement.execute("TRUNCATE TABLE " + table);
            }
        }
    }

    static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    static void drop(HikariDataSource dataSource, String... tables) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    /** The payload column's type, as Caravan's landing table has it. */
    private static String payloadType(Connection connection) throws Exception {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                ? "JSONB" : "CHARACTER VARYING";
    }

    static long count(HikariDataSource dataSource, String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
