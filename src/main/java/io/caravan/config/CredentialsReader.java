package io.caravan.config;

import static io.caravan.config.Parameters.API_KEY;
import static io.caravan.config.Parameters.API_KEY_PARAM;
import static io.caravan.config.Parameters.AUTH;
import static io.caravan.config.Parameters.AUTH_PASSWORD;
import static io.caravan.config.Parameters.AUTH_TOKEN;
import static io.caravan.config.Parameters.AUTH_USER;
import static io.caravan.config.Parameters.CLIENT_AUTH;
import static io.caravan.config.Parameters.CLIENT_ID;
import static io.caravan.config.Parameters.CLIENT_SECRET;
import static io.caravan.config.Parameters.GRANT_TYPE;
import static io.caravan.config.Parameters.MAX_RETRIES;
import static io.caravan.config.Parameters.REFRESH_TOKEN;
import static io.caravan.config.Parameters.RETRY_DELAY_MS;
import static io.caravan.config.Parameters.SCOPE;
import static io.caravan.config.Parameters.TOKEN_PARAMS;
import static io.caravan.config.Parameters.TOKEN_URL;

import io.caravan.request.Credentials;
import io.caravan.request.HeaderCredentials;
import io.caravan.request.OAuth2Credentials;
import io.caravan.request.QueryApiKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the {@code auth} parameter and the credentials it needs. */
final class CredentialsReader {

    private CredentialsReader() {
    }

    static Credentials read(SourceParameters p) {
        String auth = p.require(AUTH);
        if (auth.equals("apiKey")) {
            String key = p.require(API_KEY);
            return p.parseRequired(API_KEY_PARAM, placement -> apiKey(placement, key));
        }
        return switch (auth) {
            case "bearer" -> HeaderCredentials.bearer(p.require(AUTH_TOKEN));
            case "basic" -> HeaderCredentials.basic(p.require(AUTH_USER), p.require(AUTH_PASSWORD));
            case "oauth2" -> oauth2(p);
            default -> Credentials.NONE;
        };
    }

    private static Credentials oauth2(SourceParameters p) {
        OAuth2Credentials.Grant grant = switch (p.require(GRANT_TYPE)) {
            case "password" -> OAuth2Credentials.Grant.password(p.require(AUTH_USER), p.require(AUTH_PASSWORD));
            case "refreshToken" -> OAuth2Credentials.Grant.refreshToken(p.require(REFRESH_TOKEN));
            default -> OAuth2Credentials.Grant.clientCredentials();
        };
        Map<String, String> fields = p.parse(TOKEN_PARAMS, CredentialsReader::fields);
        if (fields != null) {
            grant = grant.withFields(fields);
        }
        if (p.require(GRANT_TYPE).equals("clientCredentials")) {
            p.require(CLIENT_SECRET);
        }
        OAuth2Credentials.Client client = new OAuth2Credentials.Client(p.require(CLIENT_ID), p.get(CLIENT_SECRET),
                p.require(CLIENT_AUTH).equals("body"));
        return new OAuth2Credentials(p.parseRequired(TOKEN_URL, URI::create), client, grant, p.get(SCOPE),
                new OAuth2Credentials.Retries(p.require(MAX_RETRIES), Duration.ofMillis(p.require(RETRY_DELAY_MS))),
                Clock.systemUTC());
    }

    /** {@code name=value} items, comma-separated. */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String item : SourceParameters.items(text)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("write name=value items, comma-separated");
            }
            fields.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return fields;
    }

    private static Credentials apiKey(String placement, String key) {
        if (placement.startsWith("header:")) {
            return HeaderCredentials.apiKey(placement.substring("header:".length()).trim(), key);
        }
        String name = placement.startsWith("query:") ? placement.substring("query:".length()).trim() : placement;
        if (name.isEmpty() || name.contains(":")) {
            throw new IllegalArgumentException("use header:Name, query:name or a name");
        }
        return new QueryApiKey(name, key);
    }
}
