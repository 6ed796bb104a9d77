package io.caravan.request;

import io.caravan.config.RequestSettings;
import io.caravan.run.SessionRun;
import org.apache.camel.Exchange;

/**
 * Puts a session's next request on the message for camel-http, with the source's fixed headers and its
 * credentials, which go only to the origin of the source's first URL, never to another origin its next
 * pages may be on.
 */
public final class RequestPreparer {

    /** Exchange property holding the endpoint every request of the run is sent to. */
    public static final String HTTP_ENDPOINT = "CaravanHttpEndpoint";
    /** Exchange property holding the {@link PageRequest} on the message. */
    public static final String REQUEST = "CaravanRequest";
    /** The HTTP component: camel-http with the client's own retries and redirects off. */
    private static final String HTTP_COMPONENT = "caravan-http";

    private final RequestSettings settings;

    public RequestPreparer(RequestSettings settings) {
        this.settings = settings;
    }

    /** The URI of the endpoint the source's requests are sent to. */
    public String endpoint() {
        return HTTP_COMPONENT + "://caravan?" + settings.httpOptions();
    }

    /** Puts the session's next request on the message; it becomes the current one. */
    public void sendNext(Exchange exchange) {
        prepare(exchange, SessionRun.of(exchange).send());
    }

    /** Puts {@code request} on the message, with credentials when it goes to the source's own origin. */
    public void prepare(Exchange exchange, PageRequest request) {
        HttpRequestPreparer.prepare(exchange, request);
        exchange.setProperty(REQUEST, request);
        settings.headers().applyTo(exchange.getMessage());
        if (request.origin().equals(settings.first().origin())) {
            settings.credentials().apply(exchange.getMessage());
        }
    }
}
