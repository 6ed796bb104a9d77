package io.caravan.bench;

import io.caravan.run.RunSummary;
import io.caravan.sandbox.TestSandbox;
import io.caravan.sandbox.SandboxSettings;
import io.caravan.support.CaravanHarness;
import io.caravan.support.SandboxContract;
import io.caravan.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Caravan against a server enforcing R requests per second (it answers 429 over it), its
 * X-RateLimit headers ignored so only Caravan's own budget counts: with R configured
 * ({@code requestsPerSecond}), the achieved rate as a fraction of R and the 429s (goal: at least
 * 0.95, none); with R unknown ({@code adaptiveRate}), the achieved rate and the fraction of requests
 * answered 429. The achieved rate is the requests served over the whole run, start included; a
 * warm-up run first keeps the JVM's first-request class loading out of it.
 *
 * <p>Run: {@code mvn -Pbench verify} (options: {@code -Dbench.rate.limit=R -Dbench.rate.pages=N}).
 */
public final class RateBenchmark {

    private RateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int limit = Integer.getInteger("bench.rate.limit", 50);
        int pages = Integer.getInteger("bench.rate.pages", 1000);
        Configurator.setLevel("io.caravan", Level.WARN);
        measure("warm-up, no budget", 0, 100, Map.of());
        System.out.printf("%nserver limit R = %d requests/s, %d pages of 10 records per run%n", limit, pages);
        measure("known limit, requestsPerSecond=" + limit, limit, pages, Map.of("requestsPerSecond", Integer.toString(limit)));
        measure("unknown limit, adaptiveRate=true", limit, pages, Map.of("adaptiveRate", "true"));
    }

    private static void measure(String label, int limit, int pages, Map<String, String> budget) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0, SandboxSettings.defaults().withRequestsPerSecond(limit));
                var dataSource = TestDatabase.dataSource("jdbc:h2:mem:rate-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
                CaravanHarness caravan = new CaravanHarness((DataSource) dataSource)) {
            // Pages of 10 records: the server's limit, not Caravan's own speed, is what bounds the run.
            Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), pages * 10, "");
            params.put("pageSize", "10");
            params.put("table", "rate_bench");
            params.put("rateLimitRemainingHeader", "X-Not-Read");
            params.putAll(budget);
            caravan.addSource("rate", params);

            long start = System.nanoTime();
            RunSummary summary = caravan.run("rate");
            double seconds = (System.nanoTime() - start) / 1e9;

            long requests = sandbox.requestCount();
            long refused = sandbox.responseCount(429);
            double achieved = (requests - refused) / seconds;
            System.out.printf("%-34s %,d records in %.1f s; served %.1f requests/s = %.3f x R; %d of %d requests"
                    + " answered 429 (%.2f %%); most in any 1 s at the server: %d%n", label, summary.recordsLoaded(),
                    seconds, achieved, limit == 0 ? 0 : achieved / limit, refused, requests, 100.0 * refused / requests,
                    sandbox.maxRequestsWithin(Duration.ofSeconds(1)));
        }
    }
}
