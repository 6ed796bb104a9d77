package io.caravan.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * An API key in a query parameter, appended to the query as the request is sent: the stored
 * request, its URI in errors and progress lines never hold it.
 */
public final class QueryApiKey implements Credentials {

    private final String pair;
    private final List<String> secrets;

    public QueryApiKey(String parameter, String key) {
        String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8);
        this.pair = URLEncoder.encode(parameter, StandardCharsets.UTF_8) + "=" + encodedKey;
        this.secrets = encodedKey.equals(key) ? List.of(key) : List.of(key, encodedKey);
    }

    @Override
    public void apply(Message message) {
        String query = message.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        message.setHeader(Exchange.HTTP_RAW_QUERY, query == null || query.isEmpty() ? pair : query + "&" + pair);
    }

    @Override
    public List<String> secrets() {
        return secrets;
    }
}
