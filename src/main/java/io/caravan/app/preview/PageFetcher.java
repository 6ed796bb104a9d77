package io.caravan.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GETs the pages the preview looks at, with the headers the user gave (credentials among them),
 * each bounded in time, and counts them.
 */
final class PageFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, String> headers;
    private final List<URI> sent = new ArrayList<>();

    PageFetcher(Map<String, String> headers) {
        this.headers = headers;
    }

    PreviewPage get(URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        headers.forEach(request::setHeader);
        sent.add(uri);
        HttpResponse<byte[]> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body;
        try {
            body = response.body().length == 0 ? null : MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            body = null;
        }
        return new PreviewPage(uri, response.statusCode(), response.headers(), body);
    }

    /** A request that tries a guess: one the server refuses or drops is a page of nothing, not a failure. */
    PreviewPage probe(URI uri) throws InterruptedException {
        try {
            return get(uri);
        } catch (IOException refused) {
            return new PreviewPage(uri, 0, HttpHeaders.of(Map.of(), (name, value) -> true), null);
        }
    }

    /** {@code uri} with {@code name=value} set in its query (replacing a value already there). */
    static URI with(URI uri, String name, String value) {
        String query = uri.getRawQuery();
        List<String> parts = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String part : query.split("&")) {
                if (!part.equals(name) && !part.startsWith(name + "=")) {
                    parts.add(part);
                }
            }
        }
        parts.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        String base = uri.toString().contains("?") ? uri.toString().substring(0, uri.toString().indexOf('?')) : uri.toString();
        return URI.create(base + "?" + String.join("&", parts));
    }

    /** Requests sent so far. */
    int requests() {
        return sent.size();
    }
}
