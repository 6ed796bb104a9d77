package io.caravan.config;

import static io.caravan.config.Parameters.API_KEY;
import static io.caravan.config.Parameters.API_KEY_PARAM;
import static io.caravan.config.Parameters.AUTH;
import static io.caravan.config.Parameters.AUTH_PASSWORD;
import static io.caravan.config.Parameters.AUTH_TOKEN;
import static io.caravan.config.Parameters.AUTH_USER;
import static io.caravan.config.Parameters.CLIENT_ID;
import static io.caravan.config.Parameters.CLIENT_SECRET;
import static io.caravan.config.Parameters.SCOPE;
import static io.caravan.config.Parameters.TOKEN_URL;

import io.caravan.request.Credentials;
import io.caravan.request.HeaderCredentials;
import io.caravan.request.OAuth2ClientCredentials;
import io.caravan.request.QueryApiKey;
import java.net.URI;
import java.time.Clock;

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
            case "oauth2" -> new OAuth2ClientCredentials(p.parseRequired(TOKEN_URL, URI::create), p.require(CLIENT_ID),
                    p.require(CLIENT_SECRET), p.get(SCOPE), Clock.systemUTC());
            default -> Credentials.NONE;
        };
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
