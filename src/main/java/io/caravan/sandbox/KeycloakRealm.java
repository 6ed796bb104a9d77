package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Keycloak realm's token endpoint and the tokens it issued: the password grant for the public client
 * {@code caravan-cli} (user {@code caravan}, password {@code sandbox-password}) and the refresh-token
 * grant, which rotates the refresh token (the old one stops working). There is no service account, so
 * the client credentials grant is refused, as a realm without one refuses it. Access tokens live
 * {@code token_life_s} seconds (a query knob of the token URL, 60 by default) and are refused after that.
 * The endpoint is a service of its own: its requests are not the API's, and no knob or outage touches it.
 */
final class KeycloakRealm {

    /** The path of the realm's token endpoint. */
    static final String TOKEN_PATH = "/keycloak/realms/caravan/protocol/openid-connect/token";
    static final String USER = "caravan";
    static final String PASSWORD = "sandbox-password";
    static final String CLIENT = "caravan-cli";

    private static final long REFRESH_LIFE_MS = 30 * 60_000L;

    private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> grants = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();

    /** Tokens issued so far by grant type ({@code password}, {@code refresh_token}). */
    long grants(String grantType) {
        AtomicLong count = grants.get(grantType);
        return count == null ? 0 : count.get();
    }

    /** Whether {@code authorization} carries an access token this realm issued and that has not expired. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Long expires = accessTokens.get(authorization.substring("Bearer ".length()));
        return expires != null && System.currentTimeMillis() < expires;
    }

    /** The token endpoint's answer to a form-encoded request. */
    SandboxResponse token(JsonNode form, Map<String, String> query) {
        String grant = form.path("grant_type").asText();
        if (!CLIENT.equals(form.path("client_id").asText())) {
            return refusal(401, "invalid_client", "Invalid client or Invalid client credentials");
        }
        switch (grant) {
            case "password" -> {
                if (!USER.equals(form.path("username").asText()) || !PASSWORD.equals(form.path("password").asText())) {
                    return refusal(401, "invalid_grant", "Invalid user credentials");
                }
            }
            case "refresh_token" -> {
                Long expires = refreshTokens.remove(form.path("refresh_token").asText());
                if (expires == null || System.currentTimeMillis() >= expires) {
                    return refusal(400, "invalid_grant", "Invalid refresh token");
                }
            }
            case "client_credentials" -> {
                return refusal(400, "unauthorized_client", "Client not enabled to retrieve service account");
            }
            default -> {
                return refusal(400, "unsupported_grant_type", "Unsupported grant_type");
            }
        }
        int life = Integer.parseInt(query.getOrDefault("token_life_s", "60"));
        long n = issued.incrementAndGet();
        String access = "kc-access-" + n + "-" + Long.toHexString(System.nanoTime());
        String refresh = "kc-refresh-" + n + "-" + Long.toHexString(System.nanoTime());
        long now = System.currentTimeMillis();
        accessTokens.put(access, now + life * 1000L);
        refreshTokens.put(refresh, now + REFRESH_LIFE_MS);
        grants.computeIfAbsent(grant, g -> new AtomicLong()).incrementAndGet();
        return SandboxResponse.json(("{\"access_token\":\"" + access + "\",\"expires_in\":" + life
                + ",\"refresh_expires_in\":1800,\"refresh_token\":\"" + refresh + "\",\"token_type\":\"Bearer\","
                + "\"scope\":\"profile email\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static SandboxResponse refusal(int status, String error, String description) {
        return new SandboxResponse(status, new LinkedHashMap<>(Map.of("Content-Type", "application/json")), ("{\"error\":\"" + error
                + "\",\"error_description\":\"" + description + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
