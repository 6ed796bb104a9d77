package io.caravan.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Message;

/**
 * OAuth2 bearer tokens from a token endpoint (RFC 6749): the client credentials grant (§4.4), the
 * resource owner password grant (§4.3) or a refresh token (§6), the client authenticated with HTTP
 * basic or in the form body (a public client sends only its id). A token is fetched on first use and
 * again before it expires (a minute early, or half its life when that is shorter), and after the API
 * refuses it (HTTP 401); a refresh token the endpoint hands out (a rotated one too) is used for that,
 * falling back to the grant itself when the endpoint refuses it.
 *
 * <p>A token request that fails on the network, with a 5xx or with a 429 is retried with a doubling
 * delay; the last failure ends in an error naming the token endpoint (without user info or query) and
 * never a secret.
 *
 * <p>camel-http's own {@code oauth2*} endpoint options are not used: they know only client credentials,
 * and they add the token to every request of the endpoint, while Caravan sends credentials only to its
 * first URL's origin.
 */
public final class OAuth2Credentials implements Credentials {

    private static final Duration EARLY = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The client: its id, its secret ({@code null} for a public client), and whether they go in the form body. */
    public record Client(String id, String secret, boolean inBody) {
    }

    /** What the token is asked for with: the grant's form fields, and the secrets among them. */
    public record Grant(String form, List<String> secrets) {

        /** {@code grant_type=client_credentials}. */
        public static Grant clientCredentials() {
            return new Grant("grant_type=client_credentials", List.of());
        }

        /** {@code grant_type=password} with the resource owner's user name and password. */
        public static Grant password(String user, String password) {
            return new Grant("grant_type=password&username=" + encode(user) + "&password=" + encode(password),
                    List.of(password, encode(password)));
        }

        /** This grant with more form fields (Auth0's {@code audience}, a {@code resource}), in order. */
        public Grant withFields(Map<String, String> fields) {
            StringJoiner form = new StringJoiner("&").add(this.form);
            fields.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
            return new Grant(form.toString(), secrets);
        }

        /** {@code grant_type=refresh_token} with a refresh token. */
        public static Grant refreshToken(String token) {
            return new Grant("grant_type=refresh_token&refresh_token=" + encode(token), List.of(token, encode(token)));
        }
    }

    /** How often and how patiently a failing token request is tried again. */
    public record Retries(int times, Duration firstDelay) {
    }

    private final URI tokenUrl;
    private final String shownUrl;
    private final Client client;
    private final Grant grant;
    private final String scope;
    private final Retries retries;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String token;
    private String refreshToken;
    private Instant renewAt = Instant.MIN;

    public OAuth2Credentials(URI tokenUrl, Client client, Grant grant, String scope, Retries retries, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.shownUrl = tokenUrl.getScheme() + "://" + tokenUrl.getHost() + (tokenUrl.getPort() < 0 ? "" : ":" + tokenUrl.getPort())
                + tokenUrl.getRawPath();
        this.client = client;
        this.grant = grant;
        this.scope = scope == null || scope.isBlank() ? null : scope;
        this.retries = retries;
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
        List<String> secrets = new ArrayList<>(grant.secrets());
        if (client.secret() != null) {
            secrets.add(client.secret());
            secrets.add(encode(client.secret()));
            secrets.add(basic());
        }
        if (token != null) {
            secrets.add(token);
        }
        if (refreshToken != null) {
            secrets.add(refreshToken);
        }
        return secrets;
    }

    private void fetchToken() {
        if (refreshToken != null) {
            JsonNode refreshed = request(Grant.refreshToken(refreshToken), false);
            if (refreshed != null) {
                take(refreshed);
                return;
            }
            // The refresh token expired or was revoked: ask with the grant itself.
            refreshToken = null;
        }
        take(request(grant, true));
    }

    /**
     * The token endpoint's answer to {@code asked}, retried while it fails on the network, with 5xx or 429;
     * a refusal (another 4xx) fails when {@code refusalFails}, else is {@code null}.
     */
    private JsonNode request(Grant asked, boolean refusalFails) {
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        StringJoiner form = new StringJoiner("&").add(asked.form());
        if (scope != null) {
            form.add("scope=" + encode(scope));
        }
        if (client.secret() != null && !client.inBody()) {
            request.header("Authorization", "Basic " + basic());
        } else {
            form.add("client_id=" + encode(client.id()));
            if (client.secret() != null) {
                form.add("client_secret=" + encode(client.secret()));
            }
        }
        HttpRequest built = request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        Duration delay = retries.firstDelay();
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                JsonNode body = parse(response.body());
                int status = response.statusCode();
                if (status == 200 && body != null && body.path("access_token").isTextual()) {
                    return body;
                }
                String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : "no access_token";
                failure = "HTTP " + status + " (" + error + ")";
                if (status != 429 && status < 500) {
                    if (!refusalFails) {
                        return null;
                    }
                    throw new IllegalStateException("token request to " + shownUrl + " refused: " + redact(failure));
                }
            } catch (IOException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("token request to " + shownUrl + " interrupted", e);
            }
            if (attempt > retries.times()) {
                throw new IllegalStateException("token request to " + shownUrl + " failed after " + attempt
                        + " attempts: " + redact(failure));
            }
            pause(delay);
            delay = delay.multipliedBy(2).compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay.multipliedBy(2);
        }
    }

    private void take(JsonNode body) {
        Instant now = clock.instant();
        Duration life = body.hasNonNull("expires_in") ? Duration.ofSeconds(body.get("expires_in").asLong()) : null;
        token = body.get("access_token").asText();
        if (body.path("refresh_token").isTextual()) {
            refreshToken = body.get("refresh_token").asText();
        }
        renewAt = life == null ? Instant.MAX : now.plus(life).minus(EARLY.compareTo(life.dividedBy(2)) < 0 ? EARLY : life.dividedBy(2));
    }

    private String basic() {
        return Base64.getEncoder().encodeToString(
                (encode(client.id()) + ":" + encode(client.secret())).getBytes(StandardCharsets.UTF_8));
    }

    private static void pause(Duration delay) {
        try {
            TimeUnit.MILLISECONDS.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to ask for a token again", e);
        }
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
