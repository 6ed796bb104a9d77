package io.caravan.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * An API key in a query parameter, appended to the query as the request is sent: the stored
 * request, its URI in errors and progress lines never hold it.
 */
public final class QueryApiKey implements Credentials {

    private final String parameter;
    private final String pair;
    private final List<String> secrets;

    public QueryApiKey(String parameter, String key) {
        String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8);
        this.parameter = parameter;
        this.pair = URLEncoder.encode(parameter, StandardCharsets.UTF_8) + "=" + encodedKey;
        this.secrets = encodedKey.equals(key) ? List.of(key) : List.of(key, encodedKey);
    }

    /** Appends the key to the query, once: a parameter of the same name already there is replaced. */
    @Override
    public void apply(Message message) {
        String query = message.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        StringJoiner joined = new StringJoiner("&");
        if (query != null) {
            String prefix = URLEncoder.encode(parameter, StandardCharsets.UTF_8);
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.equals(prefix) && !pair.startsWith(prefix + "=")) {
                    joined.add(pair);
                }
            }
        }
        joined.add(pair);
        message.setHeader(Exchange.HTTP_RAW_QUERY, joined.toString());
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of(parameter);
    }

    @Override
    public List<String> secrets() {
        return secrets;
    }
}
