package io.caravan.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.SandboxAuth;
import io.caravan.state.Checkpoint;
import io.caravan.state.RequestJson;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of credentials against a sandbox that demands it: all records land, and a refused token is renewed once. */
class AuthTest {

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("auth");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    static Stream<Arguments> fixedCredentials() {
        return Stream.of(
                Arguments.of(SandboxAuth.bearer("tok-1f2e3d"), Map.of("auth", "bearer", "authToken", "tok-1f2e3d")),
                Arguments.of(SandboxAuth.basic("reader", "pa ss:wörd"),
                        Map.of("auth", "basic", "authUser", "reader", "authPassword", "pa ss:wörd")),
                Arguments.of(SandboxAuth.apiKeyHeader("X-Api-Key", "key-9a8b7c"),
                        Map.of("auth", "apiKey", "apiKeyParam", "header:X-Api-Key", "apiKey", "key-9a8b7c")),
                Arguments.of(SandboxAuth.apiKeyQuery("api_key", "key+/=9a8b"),
                        Map.of("auth", "apiKey", "apiKeyParam", "query:api_key", "apiKey", "key+/=9a8b")));
    }

    @ParameterizedTest
    @MethodSource("fixedCredentials")
    void fixedCredentialsReachEveryPage(SandboxAuth demanded, Map<String, String> auth) throws Exception {
        fixture.sandbox.requireAuth(demanded);
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 1_000, "");
        params.put("table", fixture.table);
        params.putAll(auth);
        fixture.caravan.addSource("stripe", params);

        RunSummary summary = fixture.caravan.run("stripe");

        assertThat(summary.recordsLoaded()).isEqualTo(1_000);
        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(1_000).checksum());
        assertThat(fixture.sandbox.responseCount(401)).isZero();
    }

    @Test
    @Timeout(60)
    void aRunFailingAfterRetriesLeavesTheKeyOutOfItsExceptionSummaryAndStoredState() throws Exception {
        // A parameter name camel-http does not mask by itself (it masks api_key, token, …).
        String key = "KEY-in-query-3c4d5e";
        fixture.sandbox.requireAuth(SandboxAuth.apiKeyQuery("k", key));
        fixture.sandbox.failFrom(4, 503);
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 1_000, "");
        params.put("table", fixture.table);
        params.put("batchSize", "100");
        params.put("maxRetries", "2");
        params.put("retryDelayMs", "1");
        params.putAll(Map.of("auth", "apiKey", "apiKeyParam", "k", "apiKey", key));
        fixture.caravan.addSource("stripe", params);

        Throwable thrown = catchThrowable(() -> fixture.caravan.run("stripe"));

        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("failed at page 4").contains("HTTP 503")
                .contains("&k=****").doesNotContain(key);
        assertThat(fixture.caravan.lastSummary("stripe").failure()).isEqualTo("HTTP 503 {\"error\":\"outage\"}");
        assertThat(fixture.caravan.lastSummary("stripe").retries()).isEqualTo(2);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(3 + 1 + 2);
        Checkpoint failed = fixture.caravan.checkpoints().load("stripe").orElseThrow();
        assertThat(failed.error()).contains("HTTP 503");
        assertThat(RequestJson.write(failed.next()) + failed.error()).doesNotContain(key);
        assertThat(fixture.caravan.checkpoints().failedPages().of("stripe")).singleElement()
                .satisfies(page -> assertThat(RequestJson.write(page.request()) + page.error()).doesNotContain(key));
    }

    @Test
    void refusedFixedCredentialsFailTheRunAtOnceNamingThePage() throws Exception {
        fixture.sandbox.requireAuth(SandboxAuth.bearer("the-right-token"));
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 1_000, "");
        params.put("table", fixture.table);
        params.putAll(Map.of("auth", "bearer", "authToken", "a-wrong-token"));
        fixture.caravan.addSource("stripe", params);

        assertThatThrownBy(() -> fixture.caravan.run("stripe"))
                .satisfies(e -> assertThat(ObjectHelper.getException(SourceFailedException.class, e))
                        .hasMessageStartingWith("source 'stripe' failed at page 1 (GET " + fixture.sandbox.url())
                        .hasMessageContaining(": HTTP 401 "));
        // A fixed token cannot be renewed: no retry.
        assertThat(fixture.sandbox.requestCount()).isEqualTo(1);
    }

    @Test
    void anOAuth2TokenRevokedMidRunIsRenewedOnceAndTheRunCompletes() throws Exception {
        SandboxAuth oauth = SandboxAuth.oauth2("caravan", "client-secret-5e6f", Duration.ofHours(1));
        fixture.sandbox.requireAuth(oauth);
        AtomicInteger batches = new AtomicInteger();
        fixture.caravan.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upsert-then-revoke")
                        .to("sql:caravan-upsert?dataSource=#caravanDataSource&batch=true")
                        .process(exchange -> {
                            if (batches.incrementAndGet() == 3) {
                                oauth.revokeTokens();
                            }
                        });
            }
        });
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 1_000, "");
        params.put("table", fixture.table);
        params.put("sink", "direct:upsert-then-revoke");
        params.put("batchSize", "100");
        params.putAll(Map.of("auth", "oauth2", "tokenUrl", fixture.sandbox.url() + SandboxAuth.TOKEN_PATH,
                "clientId", "caravan", "clientSecret", "client-secret-5e6f", "scope", "read"));
        fixture.caravan.addSource("stripe", params);

        RunSummary summary = fixture.caravan.run("stripe");

        assertThat(summary.recordsLoaded()).isEqualTo(1_000);
        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(1_000).checksum());
        assertThat(oauth.tokensIssued()).isEqualTo(2);
        assertThat(fixture.sandbox.responseCount(401)).isEqualTo(1);
        assertThat(summary.retries()).isEqualTo(1);
    }

    @Test
    void aClientTheTokenEndpointRefusesFailsTheRunNamingTheTokenEndpoint() throws Exception {
        fixture.sandbox.requireAuth(SandboxAuth.oauth2("caravan", "client-secret-5e6f", Duration.ofHours(1)));
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 1_000, "");
        params.put("table", fixture.table);
        params.putAll(Map.of("auth", "oauth2", "tokenUrl", fixture.sandbox.url() + SandboxAuth.TOKEN_PATH,
                "clientId", "caravan", "clientSecret", "a-wrong-secret"));
        fixture.caravan.addSource("stripe", params);

        assertThatThrownBy(() -> fixture.caravan.run("stripe"))
                .satisfies(e -> assertThat(ObjectHelper.getException(SourceFailedException.class, e))
                        .hasMessage("source 'stripe' failed at page 1 (GET " + fixture.sandbox.url()
                                + "/stripe/v1/customers?records=1000&limit=100): IllegalStateException: token request to "
                                + fixture.sandbox.url() + "/oauth/token refused: HTTP 401 (invalid_client)"));
        assertThat(fixture.sandbox.requestCount()).isEqualTo(1);
    }
}
