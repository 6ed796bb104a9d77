package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.SandboxServer;
import io.caravan.sandbox.SandboxSettings;
import io.caravan.support.CaravanHarness;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
import io.caravan.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a run does when the API or the configuration is wrong: retriable failures are retried at
 * the HTTP node until the data set lands exactly; the rest fail with a message naming the source,
 * the page and the cause.
 */
class SourceFailureTest {

    private SandboxServer sandbox;
    private HikariDataSource dataSource;
    private CaravanHarness caravan;
    private String table;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(0, SandboxSettings.defaults().withRequestsPerSecond(100));
        dataSource = TestDatabase.dataSource();
        caravan = new CaravanHarness(dataSource);
        table = TestDatabase.uniqueTable("failures");
    }

    @AfterEach
    void stop() throws Exception {
        caravan.close();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
        dataSource.close();
        sandbox.close();
    }

    @Test
    void serverErrorsAreRetriedAndTheDataSetLandsExactly() throws Exception {
        Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), 3_000, "&fail_rate=0.25");
        params.put("table", table);
        params.put("retryDelayMs", "1");
        caravan.addSource("flaky", params);

        RunSummary summary = caravan.run("flaky");

        assertThat(LandedData.inTable(dataSource, table, "flaky").checksum())
                .isEqualTo(LandedData.of(sandbox.dataSet(3_000, 42)).checksum());
        long serverErrors = sandbox.responseCount(500) + sandbox.responseCount(503);
        assertThat(serverErrors).isPositive();
        assertThat(summary.retries()).isEqualTo(serverErrors);
        assertThat(sandbox.requestCount()).isEqualTo(30 + serverErrors);
    }

    @Test
    void rateLimitedRequestsAreRetriedAndTheDataSetLandsExactly() throws Exception {
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters(sandbox.url(), 10_000, "");
        params.put("table", table);
        params.put("retryDelayMs", "100");
        caravan.addSource("throttled", params);

        RunSummary summary = caravan.run("throttled");

        assertThat(LandedData.inTable(dataSource, table, "throttled").checksum())
                .isEqualTo(LandedData.of(sandbox.dataSet(10_000, 42)).checksum());
        assertThat(sandbox.responseCount(429)).isPositive();
        assertThat(summary.retries()).isEqualTo(sandbox.responseCount(429));
    }

    @Test
    void clientErrorFailsAtOnceNamingSourcePageAndStatus() throws Exception {
        Map<String, String> params = SandboxContract.GITHUB.parameters(sandbox.url(), 10, "");
        params.put("url", sandbox.url() + "/github/repos/caravan/missing/issues");
        params.put("table", table);
        caravan.addSource("missing", params);

        assertThatThrownBy(() -> caravan.run("missing"))
                .hasRootCauseInstanceOf(org.apache.camel.http.base.HttpOperationFailedException.class)
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageStartingWith("source 'missing' failed at page 1 (GET " + sandbox.url()
                        + "/github/repos/caravan/missing/issues?per_page=100): HTTP 404");
        assertThat(sandbox.requestCount()).isEqualTo(1);
        assertThat(caravan.lastSummary("missing").completed()).isFalse();
    }

    @Test
    void recordsPathThatMatchesNothingIsAConfigurationError() throws Exception {
        Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), 10, "");
        params.put("recordsPath", "$.items");
        params.put("table", table);
        caravan.addSource("wrong_path", params);

        assertThatThrownBy(() -> caravan.run("wrong_path"))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("source 'wrong_path' failed at page 1")
                .hasMessageEndingWith("records path $.items matches nothing in the response");
    }

    @Test
    void pageCapStopsARunThatWouldGoOnWithAClearError() throws Exception {
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters(sandbox.url(), 1_000, "");
        params.put("maxPages", "3");
        params.put("table", table);
        caravan.addSource("capped", params);

        assertThatThrownBy(() -> caravan.run("capped"))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("source 'capped' failed at page 3")
                .hasMessageContaining("page cap of 3 pages reached while the API still offers a next page");
        assertThat(sandbox.requestCount()).isEqualTo(3);
    }
}
