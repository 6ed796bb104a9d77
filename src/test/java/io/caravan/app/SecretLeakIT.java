package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sandbox.SandboxAuth;
import io.caravan.sandbox.TestSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application with every logger at TRACE, sources with recognisable secrets (an API
 * key in the query that meets server errors, cut-off and HTML bodies, dropped connections and a
 * failing page; the same key echoed back by the API in its next links, in a Link header and in HAL
 * {@code _links}; a bearer token from a mounted secret file; OAuth2 client credentials; a fixed header whose
 * value comes from a placeholder): no secret
 * appears in the output, the exceptions in it, the stored state or {@code state show}, and an echoed
 * key is sent once per request, not twice.
 */
class SecretLeakIT {

    private static final String API_KEY = "LEAKCHECK-apikey-7f1c9e";
    private static final String BEARER = "LEAKCHECK-bearer-2b8d4a";
    private static final String CLIENT_SECRET = "LEAKCHECK-client-5e6f0a";
    private static final String TENANT_KEY = "LEAKCHECK-tenant-9a3d21";

    @TempDir
    Path workDir;

    @Test
    void noSecretInLogsAtAnyLevelExceptionsOrStoredState() throws Exception {
        try (TestSandbox keyed = TestSandbox.start(0); TestSandbox bearer = TestSandbox.start(0);
                TestSandbox oauth = TestSandbox.start(0); TestSandbox echoLink = TestSandbox.start(0);
                TestSandbox echoHal = TestSandbox.start(0); TestSandbox tenant = TestSandbox.start(0)) {
            keyed.requireAuth(SandboxAuth.apiKeyQuery("api_key", API_KEY));
            keyed.failFrom(9, 404);
            // Their next links repeat the request's query, the key with it; from their 3rd request on they fail for good.
            for (TestSandbox echoing : List.of(echoLink, echoHal)) {
                echoing.requireAuth(SandboxAuth.apiKeyQuery("api_key", API_KEY));
                echoing.failFrom(3, 404);
            }
            bearer.requireAuth(SandboxAuth.bearer(BEARER));
            tenant.requireAuth(SandboxAuth.apiKeyHeader("X-Tenant", TENANT_KEY));
            oauth.requireAuth(SandboxAuth.oauth2("caravan", CLIENT_SECRET, Duration.ofHours(1)));
            Files.createDirectories(workDir.resolve("routes"));
            route("keyed", keyed.url() + "/stripe/v1/customers?records=1000&limit=100&fail_rate=0.2"
                    + "&malformed_rate=0.1&html_rate=0.1&drop_rate=0.05", """
                      - name: auth
                        value: apiKey
                      - name: apiKeyParam
                        value: query:api_key
                      - name: apiKey
                        value: "{{env:LEAKCHECK_API_KEY}}"
                      - name: retryDelayMs
                        value: "1"
                """);
            route("bearer", bearer.url() + "/stripe/v1/customers?records=300&limit=100", """
                      - name: auth
                        value: bearer
                      - name: authToken
                        value: "{{leakcheck-bearer}}"
                """);
            route("oauth", oauth.url() + "/stripe/v1/customers?records=300&limit=100", """
                      - name: auth
                        value: oauth2
                      - name: tokenUrl
                        value: "%s/oauth/token"
                      - name: clientId
                        value: caravan
                      - name: clientSecret
                        value: "{{env:LEAKCHECK_CLIENT_SECRET}}"
                """.formatted(oauth.url()));
            // A fixed header whose name says nothing, its value from a placeholder: a secret all the same.
            route("tenant", tenant.url() + "/stripe/v1/customers?records=300&limit=100", """
                      - name: headers
                        value: |
                          Accept: application/json
                          X-Tenant: {{env:LEAKCHECK_TENANT}}
                """);
            echoingRoute("echo-link", echoLink.url() + "/github/repos/caravan/demo/issues?records=1000&per_page=100",
                    "linkHeader", "");
            echoingRoute("echo-hal", echoHal.url() + "/helpscout/v2/conversations?records=1000&page_size=50",
                    "nextUrl", """
                      - name: nextUrlPath
                        value: $._links.next.href
                      - name: recordsPath
                        value: $._embedded.conversations
                """);
            // The bearer token as Kubernetes mounts a Secret: a file per key, read by camel-main.
            Path secrets = Files.createDirectories(workDir.resolve("secrets"));
            Files.writeString(secrets.resolve("leakcheck-bearer"), BEARER);
            Files.writeString(workDir.resolve("application.properties"),
                    "camel.main.cloud-properties-location = " + secrets + "\n");
            String jdbcUrl = "jdbc:h2:file:" + workDir.resolve("data").resolve("caravan");
            CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_LOG_LEVEL", "TRACE",
                    "CARAVAN_JDBC_URL", jdbcUrl, "LEAKCHECK_API_KEY", API_KEY, "LEAKCHECK_CLIENT_SECRET", CLIENT_SECRET,
                    "LEAKCHECK_TENANT", TENANT_KEY));

            String output = caravan.run(1, 180, "run");

            assertThat(output).contains("keyed FAILED").contains("bearer completed").contains("oauth completed")
                    .contains("tenant completed");
            // Every logger wrote at TRACE and DEBUG, the request lines and headers where the secrets would be.
            assertThat(output).contains(" TRACE ").contains(" DEBUG ").contains("api_key=****")
                    .contains("Authorization: Bearer ****");
            assertThat(output).doesNotContain(API_KEY).doesNotContain(BEARER).doesNotContain(CLIENT_SECRET)
                    .doesNotContain(TENANT_KEY).contains("X-Tenant: ****");
            String state = storedState(jdbcUrl);
            assertThat(state).contains("keyed").contains("FAILED").contains("HTTP 404");
            assertThat(state).doesNotContain(API_KEY).doesNotContain(BEARER).doesNotContain(CLIENT_SECRET)
                    .doesNotContain(TENANT_KEY);
            // The echoing sources failed after landing pages: their next request and failed page come from echoed links.
            assertThat(output).contains("echo-link FAILED").contains("echo-hal FAILED");
            assertThat(state).contains("page=3");
            for (String source : new String[] {"echo-link", "echo-hal"}) {
                String shown = caravan.run(0, 60, "state", "show", source);
                assertThat(shown).contains("next request:").contains("failed page:").doesNotContain(API_KEY);
                assertThat(shown).doesNotContain("api_key");
            }
            for (TestSandbox echoing : List.of(echoLink, echoHal)) {
                assertThat(echoing.requestLog()).hasSize(3).allSatisfy(request -> assertThat(
                        request.split("api_key=", -1)).as("the key in %s", request).hasSize(2));
            }
        }
    }

    private void echoingRoute(String source, String url, String pagination, String more) throws Exception {
        new CaravanJar(workDir, Map.of()).route(source, """
                      - name: url
                        value: "%2$s"
                      - name: pagination
                        value: %3$s
                      - name: keyPath
                        value: $.id
                      - name: batchSize
                        value: "50"
                      - name: retryDelayMs
                        value: "1"
                      - name: table
                        value: leak_%4$s
                      - name: auth
                        value: apiKey
                      - name: apiKeyParam
                        value: query:api_key
                      - name: apiKey
                        value: "{{env:LEAKCHECK_API_KEY}}"
                %5$s""".formatted(source, url, pagination, source.replace('-', '_'), more));
    }

    private void route(String source, String url, String authParameters) throws Exception {
        new CaravanJar(workDir, Map.of()).route(source, CaravanJar.stripeRoute(url, "leak_" + source, """
                      - name: batchSize
                        value: "100"
                %s""".formatted(authParameters)));
    }

    /** Every row of every state table, as text. */
    private static String storedState(String jdbcUrl) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement statement = connection.createStatement()) {
            for (String table : new String[] {"caravan_checkpoint", "caravan_failed_page", "caravan_landed_page"}) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            text.append(rows.getString(i)).append(' ');
                        }
                        text.append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
