package io.caravan.bench;

import io.caravan.run.RunSummary;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.CaravanHarness;
import io.caravan.support.SandboxContract;
import io.caravan.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Parallel fetching against a sandbox answering each request after 50 ms: 1,000 pages of 100
 * records fetched one after another, then as page ranges 16 at once (goal: at least 12 times
 * faster); a backfill of 30 daily slices (about 15 pages each) one slice at a time, then 8 at once
 * (goal: at least 6 times faster). The sandbox generates its data set before the clock starts, and
 * each parallel run is measured three times after the sequential one (which warms the JIT): the
 * median counts.
 *
 * <p>Run: {@code mvn -Pbench verify} (option: {@code -Dbench.parallel.latency=ms}).
 */
public final class ParallelBenchmark {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");

    private ParallelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int latency = Integer.getInteger("bench.parallel.latency", 50);
        Configurator.setLevel("io.caravan", Level.WARN);
        System.out.printf("%nsandbox latency %d ms per request%n", latency);
        double sequentialPages = pages(latency, false, 1);
        double parallelPages = median(pages(latency, true, 16), pages(latency, true, 16), pages(latency, true, 16));
        System.out.printf("parallel pages: %.1fx faster at concurrency 16 (goal: 12x)%n", sequentialPages / parallelPages);
        double sequentialSlices = slices(latency, 1);
        double parallelSlices = median(slices(latency, 8), slices(latency, 8), slices(latency, 8));
        System.out.printf("slices: %.1fx faster at concurrency 8 (goal: 6x)%n", sequentialSlices / parallelSlices);
    }

    private static double median(double... seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double pages(int latency, boolean parallel, int concurrency) throws Exception {
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters("%s", 100_000, "&latency_ms=" + latency);
        params.put("url", params.get("url").replace("page_size=50", "page_size=100"));
        params.put("parallelPages", Boolean.toString(parallel));
        params.put("concurrency", Integer.toString(concurrency));
        return measure(String.format("1,000 pages, %s", parallel ? "page ranges, concurrency " + concurrency
                : "one after another"), params, 100_000);
    }

    private static double slices(int latency, int concurrency) throws Exception {
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters("%s", 50_000, "&latency_ms=" + latency);
        params.put("url", params.get("url").replace("page_size=50", "page_size=100"));
        params.put("sliceFrom", FROM.toString());
        params.put("sliceUntil", FROM.plus(Duration.ofDays(30)).toString());
        params.put("sliceStep", "P1D");
        params.put("concurrency", Integer.toString(concurrency));
        return measure("30 daily slices, concurrency " + concurrency, params, 50_000);
    }

    private static double measure(String label, Map<String, String> params, int records) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0);
                var dataSource = TestDatabase.dataSource("jdbc:h2:mem:parallel-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
                CaravanHarness caravan = new CaravanHarness((DataSource) dataSource)) {
            params.put("url", params.get("url").replaceFirst("^%s", sandbox.url()));
            params.put("table", "parallel_bench");
            caravan.addSource("parallel", params);
            sandbox.dataSet(records, 42);

            long start = System.nanoTime();
            RunSummary summary = caravan.run("parallel");
            double seconds = (System.nanoTime() - start) / 1e9;

            System.out.printf("%-44s %,d records, %,d requests in %.2f s (most in flight at once: %d)%n", label,
                    summary.recordsLoaded(), sandbox.requestCount(), seconds, sandbox.mostRequestsInFlight());
            return seconds;
        }
    }
}
