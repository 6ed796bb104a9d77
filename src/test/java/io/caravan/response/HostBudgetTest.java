package io.caravan.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.sandbox.SandboxSettings;
import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A host's request budget, shared by every source that calls it: with the server's limit known, it
 * is never exceeded; with it unknown, the budget adapts and few requests are refused. The server's
 * X-RateLimit headers are ignored here, so only the budget keeps the run inside the limit.
 */
class HostBudgetTest {

    private static final int LIMIT = 20;

    private CaravanFixture fixture;

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void twoSourcesOfOneHostShareAKnownLimitAndNoRequestIsRefused() throws Exception {
        warmUpHttp();
        fixture = CaravanFixture.start("budget", SandboxSettings.defaults().withRequestsPerSecond(LIMIT));
        fixture.caravan.addSource("first", source(2_500, "1"));
        fixture.caravan.addSource("second", source(2_500, "2"));

        CompletableFuture<RunSummary> first = CompletableFuture.supplyAsync(() -> fixture.caravan.run("first"));
        CompletableFuture<RunSummary> second = CompletableFuture.supplyAsync(() -> fixture.caravan.run("second"));
        first.join();
        second.join();

        assertThat(fixture.sandbox.responseCount(429)).isZero();
        assertThat(fixture.sandbox.maxRequestsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(LIMIT);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(50);
        assertThat(LandedData.inTable(fixture.dataSource, fixture.table, "first").checksum())
                .isEqualTo(LandedData.of(fixture.sandbox.dataSet(2_500, 1)).checksum());
        assertThat(LandedData.inTable(fixture.dataSource, fixture.table, "second").checksum())
                .isEqualTo(LandedData.of(fixture.sandbox.dataSet(2_500, 2)).checksum());
    }

    @Test
    void requestsInFlightToAHostAreCappedAcrossSources() throws Exception {
        fixture = CaravanFixture.start("budget");
        for (String source : new String[] {"first", "second", "third"}) {
            Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 1_000,
                    "&latency_ms=20&seed=" + source.length());
            params.put("table", fixture.table);
            params.put("maxConcurrentRequests", "2");
            fixture.caravan.addSource(source, params);
        }

        CompletableFuture.allOf(Stream.of("first", "second", "third")
                .map(source -> CompletableFuture.runAsync(() -> fixture.caravan.run(source)))
                .toArray(CompletableFuture[]::new)).join();

        assertThat(fixture.sandbox.mostRequestsInFlight()).isEqualTo(2);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(30);
    }

    @Test
    void anUnknownLimitIsFoundWithFew429s() throws Exception {
        fixture = CaravanFixture.start("budget", SandboxSettings.defaults().withRequestsPerSecond(LIMIT));
        Map<String, String> params = source(10_000, "42");
        params.remove("requestsPerSecond");
        params.put("adaptiveRate", "true");
        fixture.caravan.addSource("unknown", params);

        RunSummary summary = fixture.caravan.run("unknown");

        long refused = fixture.sandbox.responseCount(429);
        assertThat(refused).isPositive();
        assertThat((double) refused / fixture.sandbox.requestCount()).isLessThanOrEqualTo(0.05);
        assertThat(summary.recordsLoaded()).isEqualTo(10_000);
        assertThat(LandedData.inTable(fixture.dataSource, fixture.table, "unknown").checksum())
                .isEqualTo(fixture.dataSet(10_000).checksum());
    }

    /**
     * A JVM's very first HTTP request leaves some 80 ms after passing the budget (class loading), more
     * than the budget's 2.5 % margin; a run beforehand keeps that one-off out of the measure.
     */
    private static void warmUpHttp() throws Exception {
        try (CaravanFixture warmUp = CaravanFixture.start("warmup")) {
            Map<String, String> params = SandboxContract.STRIPE.parameters(warmUp.sandbox.url(), 300, "");
            params.put("table", warmUp.table);
            warmUp.caravan.addSource("warmup", params);
            warmUp.caravan.run("warmup");
        }
    }

    private Map<String, String> source(int records, String seed) {
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), records, "&seed=" + seed);
        params.put("table", fixture.table);
        params.put("requestsPerSecond", Integer.toString(LIMIT));
        params.put("rateLimitRemainingHeader", "X-Not-Read");
        return params;
    }
}
