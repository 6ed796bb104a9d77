package io.caravan.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The credentials the sandbox demands of every data request, as real APIs do: a bearer token, HTTP
 * basic, an API key in a header or the query, or OAuth2 client credentials, whose tokens it issues
 * at {@code /oauth/token} and can revoke mid-run. A request without them is answered 401.
 */
public final class SandboxAuth {

    /** The path of the OAuth2 token endpoint. */
    public static final String TOKEN_PATH = "/oauth/token";

    private enum Kind { NONE, HEADER, QUERY, OAUTH2 }

    private final Kind kind;
    private final String name;
    private final String expected;
    private final Duration tokenLife;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicLong tokensIssued = new AtomicLong();

    private SandboxAuth(Kind kind, String name, String expected, Duration tokenLife) {
        this.kind = kind;
        this.name = name;
        this.expected = expected;
        this.tokenLife = tokenLife;
    }

    /** No credentials demanded. */
    public static SandboxAuth none() {
        return new SandboxAuth(Kind.NONE, null, null, null);
    }

    /** {@code Authorization: Bearer <token>}. */
    public static SandboxAuth bearer(String token) {
        return new SandboxAuth(Kind.HEADER, "authorization", "Bearer " + token, null);
    }

    /** HTTP basic with this user and password. */
    public static SandboxAuth basic(String user, String password) {
        return new SandboxAuth(Kind.HEADER, "authorization", "Basic " + base64(user + ":" + password), null);
    }

    /** An API key in the named header. */
    public static SandboxAuth apiKeyHeader(String header, String key) {
        return new SandboxAuth(Kind.HEADER, header.toLowerCase(), key, null);
    }

    /** An API key in the named query parameter. */
    public static SandboxAuth apiKeyQuery(String parameter, String key) {
        return new SandboxAuth(Kind.QUERY, parameter, key, null);
    }

    /** OAuth2 client credentials: tokens for this client (HTTP basic at the token endpoint), valid for {@code tokenLife}. */
    public static SandboxAuth oauth2(String clientId, String clientSecret, Duration tokenLife) {
        return new SandboxAuth(Kind.OAUTH2, null, "Basic " + base64(clientId + ":" + clientSecret), tokenLife);
    }

    /** Tokens issued at the token endpoint so far. */
    public long tokensIssued() {
        return tokensIssued.get();
    }

    /** Every token issued so far stops being accepted (a token expiring or revoked mid-run). */
    public void revokeTokens() {
        issued.clear();
    }

    /** The answer of the token endpoint. */
    SandboxResponse token(Map<String, String> headers) {
        if (kind != Kind.OAUTH2 || !expected.equals(headers.get("authorization"))) {
            return SandboxResponse.error(401, "invalid_client");
        }
        String token = "sandbox-token-" + tokensIssued.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        issued.add(token);
        String body = "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + tokenLife.toSeconds() + "}";
        return SandboxResponse.json(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A 401 for a data request without the credentials demanded, or {@code null} to serve it. */
    SandboxResponse refuse(Map<String, String> headers, Map<String, String> query) {
        boolean accepted = switch (kind) {
            case NONE -> true;
            case HEADER -> expected.equals(headers.get(name));
            case QUERY -> expected.equals(query.get(name));
            case OAUTH2 -> {
                String authorization = headers.get("authorization");
                yield authorization != null && authorization.startsWith("Bearer ")
                        && issued.contains(authorization.substring("Bearer ".length()));
            }
        };
        return accepted ? null : SandboxResponse.error(401, "unauthorized").withHeader("WWW-Authenticate", "Bearer");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
