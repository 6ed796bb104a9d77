package io.caravan.request;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;

/**
 * Turns a {@link PageRequest} into the message camel-http sends. camel-http sends every message
 * header as a request header and switches to POST when a body is present, so each pass clears
 * the previous page's headers and body first. The query goes in already encoded
 * ({@code CamelHttpRawQuery}), so an opaque cursor with {@code + / =} reaches the API unchanged
 * without passing through endpoint-URI parsing.
 */
public final class HttpRequestPreparer {

    private HttpRequestPreparer() {
    }

    /** Prepares {@code exchange}'s message to send {@code request}. */
    public static void prepare(Exchange exchange, PageRequest request) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setBody(request.body());
        // As camel-http's own type: given as text, every request would pay a type converter lookup for it.
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        message.setHeader(Exchange.HTTP_URI, request.baseUrl());
        String rawQuery = request.rawQuery();
        if (!rawQuery.isEmpty()) {
            message.setHeader(Exchange.HTTP_RAW_QUERY, rawQuery);
        }
        message.setHeader("Accept", "application/json");
        request.headers().forEach(message::setHeader);
    }
}
