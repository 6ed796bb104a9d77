package io.caravan.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything at once, as a bad day at a real API: 10 % server errors, 5 % 429 with Retry-After,
 * 1 % cut-off bodies, 1 % answers slower than the read timeout, 1 % dropped connections, on
 * 10,000 records: the sink ends up with exactly the data set.
 */
class FaultMixTest {

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("faults");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void theDataSetLandsExactlyThroughAMixOfFaults() throws Exception {
        RunSummary summary = runThrough(10_000,
                "&fail_rate=0.10&rate_limit_rate=0.05&malformed_rate=0.01&slow_rate=0.01&slow_ms=1500&drop_rate=0.01");

        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(10_000).checksum());
        assertThat(summary.recordsLoaded()).isEqualTo(10_000);
        long serverErrors = fixture.sandbox.responseCount(500) + fixture.sandbox.responseCount(503);
        long limited = fixture.sandbox.responseCount(429);
        assertThat(serverErrors).isPositive();
        assertThat(limited).isPositive();
        // Every request beyond the 100 pages was a retry, and every fault answered was retried.
        assertThat(summary.retries()).isEqualTo(fixture.sandbox.requestCount() - 100);
        assertThat(summary.retries()).isGreaterThanOrEqualTo(serverErrors + limited + fixture.sandbox.responseCount(0));
    }

    @Test
    void droppedConnectionsAndAnswersSlowerThanTheReadTimeoutAreRetried() throws Exception {
        RunSummary summary = runThrough(2_000,
                "&drop_rate=0.15&slow_rate=0.15&slow_ms=1500");

        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(2_000).checksum());
        long dropped = fixture.sandbox.responseCount(0);
        assertThat(dropped).isPositive();
        // The slow answers the client gave up on: retries beyond the dropped connections.
        assertThat(summary.retries()).isGreaterThan(dropped);
        assertThat(summary.retries()).isEqualTo(fixture.sandbox.requestCount() - 20);
    }

    /** Runs a Stripe-style source of {@code records} records through the faults asked, with quick, plenty retries. */
    private RunSummary runThrough(int records, String faults) throws Exception {
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), records, faults);
        params.put("table", fixture.table);
        params.put("retryDelayMs", "1");
        params.put("maxRetries", "8");
        params.put("readTimeoutMs", "500");
        fixture.caravan.addSource("stripe", params);
        return fixture.caravan.run("stripe");
    }
}
