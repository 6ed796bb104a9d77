package io.caravan.app.preview;

import io.caravan.config.SourceParameters;
import io.caravan.config.SourceSettings;
import io.caravan.request.Credentials;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;

/**
 * The route's own credentials for the preview's requests: the {@code auth} parameters given with
 * {@code -p} are read as a route reads them (bearer, basic, an API key in a header or the query,
 * OAuth2 grants with their token endpoint) and applied to each request as a route applies them.
 */
final class PreviewCredentials implements AutoCloseable {

    /** The parameters that are credentials: the route file gets placeholders for them, never their values. */
    static final Set<String> SECRET_PARAMETERS = Set.of("authToken", "authPassword", "apiKey", "clientSecret", "refreshToken");

    private final CamelContext context;
    private final Credentials credentials;

    private PreviewCredentials(CamelContext context, Credentials credentials) {
        this.context = context;
        this.credentials = credentials;
    }

    /** Credentials of {@code parameters} (route parameters; none: no credentials). */
    static PreviewCredentials of(URI url, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return new PreviewCredentials(null, Credentials.NONE);
        }
        CamelContext context = new DefaultCamelContext();
        Map<String, Object> route = new LinkedHashMap<>(parameters);
        route.put("source", "preview");
        route.put("url", url.toString());
        route.putIfAbsent("pagination", "linkHeader");
        SourceSettings settings = SourceSettings.read(SourceParameters.read(route, "preview's -p parameters", context), context);
        return new PreviewCredentials(context, settings.request().credentials());
    }

    /** The URL to send, with the credentials put into {@code headers} or its query. */
    URI apply(URI uri, Map<String, String> headers) {
        if (context == null) {
            return uri;
        }
        Message message = new DefaultMessage(context);
        message.setHeader(Exchange.HTTP_RAW_QUERY, uri.getRawQuery());
        credentials.apply(message);
        message.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && value != null) {
                headers.put(name, value.toString());
            }
        });
        String query = message.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        String base = uri.toString().contains("?") ? uri.toString().substring(0, uri.toString().indexOf('?')) : uri.toString();
        return URI.create(query == null || query.isEmpty() ? base : base + "?" + query);
    }

    /** {@code text} with the credentials in use replaced by {@code ****}. */
    String redact(String text) {
        return credentials.redact(text);
    }

    @Override
    public void close() throws Exception {
        if (context != null) {
            context.close();
        }
    }
}
