package io.caravan.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Message;

/**
 * OAuth2 client credentials (RFC 6749 §4.4): a bearer token from the token endpoint, the client
 * authenticated with HTTP basic. The token is fetched on first use and again before it expires (a
 * minute early, or half its life when that is shorter), and after the API refuses it (HTTP 401).
 */
public final class OAuth2ClientCredentials implements Credentials {

    private static final Duration EARLY = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenUrl;
    private final String clientAuthorization;
    private final String clientSecret;
    private final String form;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String token;
    private Instant renewAt = Instant.MIN;

    public OAuth2ClientCredentials(URI tokenUrl, String clientId, String clientSecret, String scope, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientSecret = clientSecret;
        this.clientAuthorization = Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        this.form = "grant_type=client_credentials" + (scope == null || scope.isBlank() ? "" : "&scope=" + encode(scope));
        this.clock = clock;
    }

    @Override
    public synchronized void apply(Message message) {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetchToken();
        }
        message.setHeader("Authorization", "Bearer " + token);
    }

    @Override
    public synchronized boolean renew() {
        token = null;
        return true;
    }

    @Override
    public synchronized List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(clientSecret, clientAuthorization));
        if (token != null) {
            secrets.add(token);
        }
        return secrets;
    }

    private void fetchToken() {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                .header("Authorization", "Basic " + clientAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("token request to " + tokenUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("token request to " + tokenUrl + " interrupted", e);
        }
        JsonNode body = parse(response.body());
        JsonNode accessToken = body == null ? null : body.get("access_token");
        if (response.statusCode() != 200 || accessToken == null || !accessToken.isTextual()) {
            String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : "no access_token";
            throw new IllegalStateException("token request to " + tokenUrl + " failed: HTTP " + response.statusCode()
                    + " (" + error + ")");
        }
        Instant now = clock.instant();
        Duration life = body.hasNonNull("expires_in") ? Duration.ofSeconds(body.get("expires_in").asLong()) : null;
        token = accessToken.asText();
        renewAt = life == null ? Instant.MAX : now.plus(life).minus(EARLY.compareTo(life.dividedBy(2)) < 0 ? EARLY : life.dividedBy(2));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
