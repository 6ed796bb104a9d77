package io.caravan.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * One page the preview fetched: its request, status, headers and JSON body.
 *
 * @param uri     the URL asked for
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the body as JSON ({@code null} when it is not JSON)
 */
record PreviewPage(URI uri, int status, HttpHeaders headers, JsonNode body) {

    boolean ok() {
        return status / 100 == 2 && body != null;
    }

    /** The first value of a response header, case-insensitive, or {@code null}. */
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
