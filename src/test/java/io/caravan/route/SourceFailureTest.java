package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
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

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("failures");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void serverErrorsAreRetriedAndTheDataSetLandsExactly() throws Exception {
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 3_000, "&fail_rate=0.25");
        params.put("table", fixture.table);
        params.put("retryDelayMs", "1");
        fixture.caravan.addSource("flaky", params);

        RunSummary summary = fixture.caravan.run("flaky");

        assertThat(LandedData.inTable(fixture.dataSource, fixture.table, "flaky").checksum())
                .isEqualTo(LandedData.of(fixture.sandbox.dataSet(3_000, 42)).checksum());
        long serverErrors = fixture.sandbox.responseCount(500) + fixture.sandbox.responseCount(503);
        assertThat(serverErrors).isPositive();
        assertThat(summary.retries()).isEqualTo(serverErrors);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(30 + serverErrors);
    }

    @Test
    void clientErrorFailsAtOnceNamingSourcePageAndStatus() throws Exception {
        Map<String, String> params = SandboxContract.GITHUB.parameters(fixture.sandbox.url(), 10, "");
        params.put("url", fixture.sandbox.url() + "/github/repos/caravan/missing/issues");
        params.put("table", fixture.table);
        fixture.caravan.addSource("missing", params);

        assertThatThrownBy(() -> fixture.caravan.run("missing"))
                .hasRootCauseInstanceOf(org.apache.camel.http.base.HttpOperationFailedException.class)
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageStartingWith("source 'missing' failed at page 1 (GET " + fixture.sandbox.url()
                        + "/github/repos/caravan/missing/issues?per_page=100): HTTP 404");
        assertThat(fixture.sandbox.requestCount()).isEqualTo(1);
        assertThat(fixture.caravan.lastSummary("missing").completed()).isFalse();
    }

    @Test
    void recordsPathThatMatchesNothingIsAConfigurationError() throws Exception {
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 10, "");
        params.put("recordsPath", "$.items");
        params.put("table", fixture.table);
        fixture.caravan.addSource("wrong_path", params);

        assertThatThrownBy(() -> fixture.caravan.run("wrong_path"))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("source 'wrong_path' failed at page 1")
                .hasMessageContaining("records path $.items matches nothing in the response (check recordsPath");
    }

    @Test
    void pageCapStopsARunThatWouldGoOnWithAClearError() throws Exception {
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters(fixture.sandbox.url(), 1_000, "");
        params.put("maxPages", "3");
        params.put("table", fixture.table);
        fixture.caravan.addSource("capped", params);

        assertThatThrownBy(() -> fixture.caravan.run("capped"))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("source 'capped' failed at page 4 (GET " + fixture.sandbox.url()
                        + "/helpscout/v2/conversations?records=1000&page_size=50&page=4)")
                .hasMessageContaining("page cap of 3 pages reached while the API still offers a next page");
        assertThat(fixture.sandbox.requestCount()).isEqualTo(3);
        // The 3 pages read land before the run fails.
        assertThat(fixture.landed("capped").rows()).isEqualTo(150);
    }

    @Test
    void aDatabaseThatIsDownFailsTheRunBeforeItsFirstPageWithASummary() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:1/nowhere");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource down = new HikariDataSource(config)) {
            fixture.caravan.context().getRegistry().bind("downDatabase", down);
            Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 10, "");
            params.put("table", fixture.table);
            params.put("dataSource", "downDatabase");
            fixture.caravan.addSource("db_down", params);

            assertThatThrownBy(() -> fixture.caravan.run("db_down"))
                    .cause().isInstanceOf(SourceFailedException.class)
                    .hasMessageStartingWith("source 'db_down' failed before its first page: SQLTransientConnectionException");
            assertThat(fixture.caravan.lastSummary("db_down").completed()).isFalse();
            assertThat(fixture.sandbox.requestCount()).isZero();
        }
    }
}
