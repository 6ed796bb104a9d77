package io.caravan.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sandbox.SandboxAuth;
import io.caravan.sandbox.TestSandbox;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens from the sandbox's token endpoints, renewed before they expire (time from a clock the test moves),
 * by refresh token where the endpoint hands one out, with the grant itself when a refresh is refused.
 */
class OAuth2CredentialsTest {

    private TestSandbox sandbox;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void start() throws Exception {
        sandbox = TestSandbox.start(0);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aTokenIsReusedUntilAMinuteBeforeItExpires() {
        SandboxAuth oauth = SandboxAuth.oauth2("id", "secret-0001", Duration.ofHours(1));
        sandbox.requireAuth(oauth);
        OAuth2Credentials credentials = credentials();

        String first = authorization(credentials);
        now = now.plus(Duration.ofMinutes(58)).plusSeconds(59);
        assertThat(authorization(credentials)).isEqualTo(first);
        assertThat(oauth.tokensIssued()).isEqualTo(1);

        now = now.plusSeconds(1);
        String second = authorization(credentials);
        assertThat(second).startsWith("Bearer sandbox-token-2-").isNotEqualTo(first);
        assertThat(oauth.tokensIssued()).isEqualTo(2);
        assertThat(credentials.secrets()).contains("secret-0001", second.substring("Bearer ".length()));
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLife() {
        SandboxAuth oauth = SandboxAuth.oauth2("id", "secret-0001", Duration.ofSeconds(60));
        sandbox.requireAuth(oauth);
        OAuth2Credentials credentials = credentials();

        authorization(credentials);
        now = now.plusSeconds(29);
        authorization(credentials);
        assertThat(oauth.tokensIssued()).isEqualTo(1);
        now = now.plusSeconds(1);
        authorization(credentials);
        assertThat(oauth.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aRenewedCredentialFetchesAFreshToken() {
        SandboxAuth oauth = SandboxAuth.oauth2("id", "secret-0001", Duration.ofHours(1));
        sandbox.requireAuth(oauth);
        OAuth2Credentials credentials = credentials();

        authorization(credentials);
        assertThat(credentials.renew()).isTrue();
        authorization(credentials);
        assertThat(oauth.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aRefreshTokenGrantUsesTheRotatedTokenOnEachRenewal() throws Exception {
        OAuth2Credentials password = keycloak(OAuth2Credentials.Grant.password("caravan", "sandbox-password"));
        authorization(password);
        String refresh = refreshTokenOf(password);
        OAuth2Credentials credentials = keycloak(OAuth2Credentials.Grant.refreshToken(refresh));
        long refreshes = sandbox.keycloakGrants("refresh_token");

        String first = authorization(credentials);
        credentials.renew();
        String second = authorization(credentials);

        // The realm rotates refresh tokens (the one given is spent at once): the second renewal used the new one.
        assertThat(second).isNotEqualTo(first).startsWith("Bearer kc-access-");
        assertThat(sandbox.keycloakGrants("refresh_token") - refreshes).isEqualTo(2);
        assertThat(credentials.secrets()).contains(refresh).noneMatch(secret -> secret.equals("sandbox-password"));
    }

    @Test
    void aRefusedRefreshFallsBackToTheGrantItself() throws Exception {
        OAuth2Credentials credentials = keycloak(OAuth2Credentials.Grant.password("caravan", "sandbox-password"));
        authorization(credentials);
        String refresh = refreshTokenOf(credentials);
        // Someone else spends the refresh token (rotation): the next renewal's refresh is refused.
        keycloak(OAuth2Credentials.Grant.refreshToken(refresh)).apply(message());
        long passwords = sandbox.keycloakGrants("password");

        credentials.renew();
        assertThat(authorization(credentials)).startsWith("Bearer kc-access-");
        assertThat(sandbox.keycloakGrants("password") - passwords).isEqualTo(1);
    }

    @Test
    void moreFormFieldsFollowTheGrantEncoded() {
        assertThat(OAuth2Credentials.Grant.clientCredentials().withFields(Map.of("audience",
                "https://api.example.com/v2")).form())
                .isEqualTo("grant_type=client_credentials&audience=https%3A%2F%2Fapi.example.com%2Fv2");
    }

    private OAuth2Credentials keycloak(OAuth2Credentials.Grant grant) {
        return new OAuth2Credentials(URI.create(sandbox.url() + "/keycloak/realms/caravan/protocol/openid-connect/token"),
                new OAuth2Credentials.Client("caravan-cli", null, false), grant, null,
                new OAuth2Credentials.Retries(0, Duration.ofMillis(1)), Clock.systemUTC());
    }

    /** The refresh token the realm handed {@code credentials}. */
    private static String refreshTokenOf(Credentials credentials) {
        return credentials.secrets().stream().filter(secret -> secret.startsWith("kc-refresh-")).findFirst().orElseThrow();
    }

    private static Message message() {
        return new DefaultExchange(new DefaultCamelContext()).getMessage();
    }

    private OAuth2Credentials credentials() {
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        return new OAuth2Credentials(URI.create(sandbox.url() + SandboxAuth.TOKEN_PATH),
                new OAuth2Credentials.Client("id", "secret-0001", false), OAuth2Credentials.Grant.clientCredentials(),
                "read", new OAuth2Credentials.Retries(0, Duration.ofMillis(1)), clock);
    }

    private static String authorization(Credentials credentials) {
        Message message = message();
        credentials.apply(message);
        return message.getHeader("Authorization", String.class);
    }
}
