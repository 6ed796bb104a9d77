package io.caravan.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.SandboxAuth;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.Checkpoint;
import io.caravan.state.RunStatus;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hostile or broken API: each bad answer fails the run with an error naming the source, the page
 * and the cause, the checkpoint left where the last committed batch put it; or, where a second try
 * may be good, it is fetched again and the data set lands exactly.
 */
class HostileResponseTest {

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("hostile");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void cutOffJsonAndHtmlPagesAreFetchedAgainAndTheDataSetLands() throws Exception {
        fixture.caravan.addSource("stripe", stripe(2_000, "&malformed_rate=0.1&html_rate=0.1"));

        RunSummary summary = fixture.caravan.run("stripe");

        assertThat(summary.retries()).isPositive();
        assertThat(fixture.sandbox.requestCount()).isEqualTo(20 + summary.retries());
        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(2_000).checksum());
    }

    @Test
    void anHtmlPageThatStaysFailsTheRunAfterItsRetriesSayingWhatCame() throws Exception {
        Map<String, String> params = stripe(500, "&html_rate=1");
        params.put("maxRetries", "2");

        assertFails(params, "failed at page 1 (GET " + fixture.sandbox.url()
                + "/stripe/v1/customers?records=500&html_rate=1&limit=100): BadResponseException: response is HTML,"
                + " not JSON (Content-Type text/html; charset=utf-8): <!DOCTYPE html><html><head><title>502 Bad Gateway");
        assertThat(fixture.sandbox.requestCount()).isEqualTo(3);
    }

    @Test
    void aBodyOverTheLimitIsStoppedWhileReadingAndNotRetried() throws Exception {
        Map<String, String> params = stripe(500, "&pad_bytes=300000");
        params.put("maxResponseBytes", "100000");

        assertFails(params, "failed at page 1 (GET " + fixture.sandbox.url() + "/stripe/v1/customers?records=500"
                + "&pad_bytes=300000&limit=100): BadResponseException: response body exceeds maxResponseBytes"
                + " (100,000 bytes); stopped reading it");
        assertThat(fixture.sandbox.requestCount()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void aBodyThatNeverEndsIsStoppedAtTheLimitNotBuffered() throws Exception {
        Map<String, String> params = stripe(500, "&endless_body=true");
        params.put("maxResponseBytes", "1000000");

        assertFails(params, "failed at page 1 (GET " + fixture.sandbox.url() + "/stripe/v1/customers?records=500"
                + "&endless_body=true&limit=100): BadResponseException: response body exceeds maxResponseBytes"
                + " (1,000,000 bytes); stopped reading it");
        assertThat(fixture.sandbox.requestCount()).isEqualTo(1);
    }

    @Test
    void jsonNestedTooDeepFailsTheRun() throws Exception {
        Map<String, String> params = stripe(500, "&nest_depth=500");
        params.put("maxJsonDepth", "100");

        assertFails(params, "): BadResponseException: response JSON nests deeper than maxJsonDepth (100)");
        assertThat(fixture.sandbox.requestCount()).isEqualTo(1);
    }

    @Test
    void aLaterPageWithoutTheRecordsFailsTheRunAndTheCheckpointStays() throws Exception {
        fixture.sandbox.failFrom(4, 200);
        Map<String, String> params = stripe(1_000, "");
        params.put("batchSize", "100");

        assertFails(params, "failed at page 4 (GET " + fixture.sandbox.url()
                + "/stripe/v1/customers?records=1000&limit=100&starting_after=300): IllegalArgumentException:"
                + " records path $.data matches nothing in the response");
        Checkpoint unmoved = fixture.caravan.checkpoints().load("stripe").orElseThrow();
        assertThat(unmoved.records()).isEqualTo(300);
        assertThat(unmoved.next().query()).containsEntry("starting_after", "300");
    }

    @Test
    void aLaterPageWithoutTheRecordsEndsTheRunWhenSoConfigured() throws Exception {
        fixture.sandbox.failFrom(4, 200);
        Map<String, String> params = stripe(1_000, "");
        params.put("onMissingRecords", "stop");
        fixture.caravan.addSource("stripe", params);

        RunSummary summary = fixture.caravan.run("stripe");

        assertThat(summary.failure()).isNull();
        assertThat(summary.recordsLoaded()).isEqualTo(300);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(4);
    }

    @Test
    void aRedirectIsNotFollowedAndFailsNamingWhereItLed() throws Exception {
        assertFails(stripe(500, "&redirect_loop=true"), "): HTTP 302 redirect to " + fixture.sandbox.url()
                + "/stripe/v1/customers?records=500&redirect_loop=true&limit=100 (redirects are not followed");
        assertThat(fixture.sandbox.requestCount()).isEqualTo(1);
    }

    @Test
    void aNextLinkToAnotherOriginIsRefusedUnlessAllowedAndNeverGetsTheCredentials() throws Exception {
        try (TestSandbox other = TestSandbox.start(0)) {
            fixture.sandbox.requireAuth(SandboxAuth.bearer("token-for-the-first-origin"));
            Map<String, String> params = SandboxContract.GITHUB.parameters(fixture.sandbox.url(), 500,
                    "&next_origin=" + other.url());
            params.put("table", fixture.table);
            params.putAll(Map.of("auth", "bearer", "authToken", "token-for-the-first-origin"));

            assertFails(params, "failed at page 2 (GET " + other.url() + "/github/repos/caravan/demo/issues"
                    + "?records=500&next_origin=" + other.url() + "&per_page=100&page=2): IllegalStateException: next page is"
                    + " on another origin (" + other.url() + ", expected " + fixture.sandbox.url() + "); refusing to follow it");
            assertThat(other.requestCount()).isZero();
            // Page 1's own records land; the refused link is where the next run goes on.
            Checkpoint refused = fixture.caravan.checkpoints().load("stripe").orElseThrow();
            assertThat(refused.records()).isEqualTo(100);
            assertThat(refused.next().url()).startsWith(other.url());

            params.put("allowedOrigins", other.url());
            fixture.caravan.context().getRouteController().stopRoute("stripe");
            fixture.caravan.context().removeRoute("stripe");
            fixture.caravan.addSource("stripe", params);
            RunSummary summary = fixture.caravan.run("stripe");

            // allowedOrigins shapes the requests: the changed settings start a new pass (onConfigChange=restart).
            assertThat(summary.recordsLoaded()).isEqualTo(500);
            assertThat(other.requestCount()).isEqualTo(4);
            assertThat(other.authorizedRequests()).isZero();
            assertThat(fixture.sandbox.authorizedRequests()).isEqualTo(2);
        }
    }

    @Test
    void anExpiredCursorRestartsThePassWhenSoConfiguredAndRepeatsAreDropped() throws Exception {
        Map<String, String> params = slackExpiringCursorsAfterBatch(3);
        params.put("restartOn", "400:cursor expired");
        fixture.caravan.addSource("slack", params);

        RunSummary summary = fixture.caravan.run("slack");

        assertThat(fixture.sandbox.responseCount(400)).isEqualTo(1);
        assertThat(summary.recordsLoaded()).isEqualTo(1_000);
        // Page 1's request is the same again and it landed: skipped; pages 2 to 4 come by new cursors: their
        // records are repeats.
        assertThat(summary.pagesAlreadyLanded()).isEqualTo(1);
        assertThat(summary.shiftedRecords()).isEqualTo(300);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(4 + 1 + 10);
        assertThat(fixture.landed("slack").checksum()).isEqualTo(fixture.dataSet(1_000).checksum());
    }

    @Test
    void anExpiredCursorWithoutARestartRuleFailsTheRunNamingThePage() throws Exception {
        fixture.caravan.addSource("slack", slackExpiringCursorsAfterBatch(3));

        assertThatThrownBy(() -> fixture.caravan.run("slack"))
                .satisfies(e -> assertThat(ObjectHelper.getException(SourceFailedException.class, e))
                        .hasMessageStartingWith("source 'slack' failed at page 5 (GET ")
                        .hasMessageEndingWith("): HTTP 400 {\"error\":\"cursor expired\"}"));
        assertThat(fixture.caravan.checkpoints().load("slack").orElseThrow().records()).isEqualTo(400);
    }

    /**
     * Slack-style body cursors, batches of one page; every cursor handed out expires once batch {@code n}
     * landed and page n + 1 was fetched (ahead): the request for page n + 2 is the first refused.
     */
    private Map<String, String> slackExpiringCursorsAfterBatch(int n) throws Exception {
        AtomicInteger batches = new AtomicInteger();
        fixture.caravan.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upsert-then-expire")
                        .to("sql:caravan-upsert?dataSource=#caravanDataSource&batch=true")
                        .process(exchange -> {
                            if (batches.incrementAndGet() == n) {
                                // Page n + 1 is fetched ahead while batch n lands: its cursor is spent before they expire.
                                await().atMost(Duration.ofSeconds(10)).until(() -> fixture.sandbox.requestCount() > n);
                                fixture.sandbox.expireCursors();
                            }
                        });
            }
        });
        Map<String, String> params = new HashMap<>(Map.of("url", fixture.sandbox.url()
                + "/slack/api/conversations.history?records=1000", "pagination", "bodyCursor",
                "cursorPath", "$.response_metadata.next_cursor", "cursorParam", "cursor", "pageSizeParam", "limit",
                "pageSize", "100", "recordsPath", "$.messages"));
        params.put("table", fixture.table);
        params.put("batchSize", "100");
        params.put("sink", "direct:upsert-then-expire");
        params.put("keyPath", "$.id");
        return params;
    }

    private Map<String, String> stripe(int records, String extraQuery) {
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), records, extraQuery);
        params.put("table", fixture.table);
        params.put("retryDelayMs", "1");
        return params;
    }

    /** The run fails with {@code messagePart} in its error, and its checkpoint records the error but did not move. */
    private void assertFails(Map<String, String> params, String messagePart) throws Exception {
        fixture.caravan.addSource("stripe", params);
        assertThatThrownBy(() -> fixture.caravan.run("stripe"))
                .satisfies(e -> assertThat(ObjectHelper.getException(SourceFailedException.class, e))
                        .hasMessageStartingWith("source 'stripe' failed at page ")
                        .hasMessageContaining(messagePart));
        Checkpoint failed = fixture.caravan.checkpoints().load("stripe").orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains(messagePart);
        if (messagePart.startsWith("failed at page 1 ") || messagePart.startsWith("): ")) {
            assertThat(failed.records()).isZero();
            assertThat(failed.next().pageIndex()).isZero();
        }
    }
}
