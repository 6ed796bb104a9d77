package io.caravan.request;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Message;

/** Fixed credentials in one request header: a bearer token, HTTP basic, or an API key header. */
public final class HeaderCredentials implements Credentials {

    private final String header;
    private final String value;
    private final List<String> secrets;

    private HeaderCredentials(String header, String value, List<String> secrets) {
        this.header = header;
        this.value = value;
        this.secrets = secrets;
    }

    /** {@code Authorization: Bearer <token>}. */
    public static HeaderCredentials bearer(String token) {
        return new HeaderCredentials("Authorization", "Bearer " + token, List.of(token));
    }

    /** {@code Authorization: Basic <base64(user:password)>}. */
    public static HeaderCredentials basic(String user, String password) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HeaderCredentials("Authorization", "Basic " + encoded, List.of(password, encoded));
    }

    /** {@code <header>: <key>}. */
    public static HeaderCredentials apiKey(String header, String key) {
        return new HeaderCredentials(header, key, List.of(key));
    }

    @Override
    public void apply(Message message) {
        message.setHeader(header, value);
    }

    @Override
    public List<String> secrets() {
        return secrets;
    }
}
