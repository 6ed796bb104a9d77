package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.support.CapturedLog;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's users behind an OAuth2 password grant for a public client, with short-lived tokens renewed
 * through the refresh token; a token endpoint that refuses or cannot be reached ends in an error naming
 * it and no secret.
 */
class PasswordGrantPaginationTest extends PaginationContractTest {

    private static final String TOKEN_PATH = "/keycloak/realms/caravan/protocol/openid-connect/token";

    PasswordGrantPaginationTest() {
        super("/keycloak/admin/realms/caravan/users", 100);
    }

    @Override
    Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>(Map.of("auth", "oauth2", "grantType", "password",
                "tokenUrl", fixture.sandbox.url() + TOKEN_PATH, "clientId", "caravan-cli", "authUser", "caravan",
                "authPassword", "sandbox-password", "pagination", "offset", "offsetParam", "first"));
        params.putAll(Map.of("pageSizeParam", "max", "pageSize", "100"));
        return params;
    }

    @Override
    boolean apiHandsOutCursor() {
        return false;
    }

    @Test
    void shortLivedTokensAreRenewedWithTheRefreshTokenBeforeTheyExpire() throws Exception {
        String source = addSource(2_000, "&latency_ms=150", Map.of("tokenUrl",
                fixture.sandbox.url() + TOKEN_PATH + "?token_life_s=1"));
        long passwords = fixture.sandbox.keycloakGrants("password");
        long refreshes = fixture.sandbox.keycloakGrants("refresh_token");
        long refusedBefore = fixture.sandbox.responseCount(401);

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        assertThat(landed(source).checksum()).isEqualTo(fixture.dataSet(2_000).checksum());
        // 21 pages of 150 ms or more: a one-second token renewed at half its life, by refresh, several times.
        assertThat(fixture.sandbox.keycloakGrants("password") - passwords).isEqualTo(1);
        assertThat(fixture.sandbox.keycloakGrants("refresh_token") - refreshes).isGreaterThanOrEqualTo(3);
        assertThat(fixture.sandbox.responseCount(401) - refusedBefore).isZero();
    }

    @Test
    void aWrongPasswordFailsNamingTheTokenEndpointAndNotThePassword() throws Exception {
        try (CapturedLog log = new CapturedLog()) {
            String source = addSource(250, "", Map.of("authPassword", "not-the-password"));

            assertThatThrownBy(() -> fixture.caravan.run(source)).cause()
                    .hasMessageContaining("token request to " + fixture.sandbox.url() + TOKEN_PATH
                            + " refused: HTTP 401 (invalid_grant)")
                    .hasMessageNotContaining("not-the-password");
            assertThat(log.lines()).noneMatch(line -> line.contains("not-the-password"));
        }
    }

    @Test
    void theClientCredentialsGrantIsRefusedByARealmWithoutAServiceAccount() throws Exception {
        String source = addSource(250, "", Map.of("grantType", "clientCredentials", "clientSecret", "caravan-secret",
                "clientAuth", "body"));

        assertThatThrownBy(() -> fixture.caravan.run(source)).cause()
                .hasMessageContaining("refused: HTTP 400 (unauthorized_client)").hasMessageNotContaining("caravan-secret");
    }

    @Test
    void anUnreachableTokenEndpointIsRetriedWithBackoffThenFailsNamingIt() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        String tokenUrl = "http://127.0.0.1:" + closed + TOKEN_PATH;
        String source = addSource(250, "", Map.of("tokenUrl", tokenUrl, "maxRetries", "2", "retryDelayMs", "1"));

        assertThatThrownBy(() -> fixture.caravan.run(source)).cause()
                .hasMessageContaining("token request to " + tokenUrl + " failed after 3 attempts: ConnectException")
                .hasMessageNotContaining("null");
        assertThat(landed(source).rows()).isZero();
    }
}
