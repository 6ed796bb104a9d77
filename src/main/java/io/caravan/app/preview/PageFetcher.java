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
import java.util.LinkedHashMap;

/**
 * Sends the requests the preview makes (the first page's method and JSON body, or a body a probe
 * changed), with the headers the user gave and the route's credentials applied as a route applies
 * them, each bounded in time, and counts them.
 */
final class PageFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, String> headers;
    private final PreviewCredentials credentials;
    private final String method;
    private final JsonNode body;
    private final List<URI> sent = new ArrayList<>();

    PageFetcher(Map<String, String> headers, PreviewCredentials credentials, String method, JsonNode body) {
        this.headers = headers;
        this.credentials = credentials;
        this.method = method;
        this.body = body;
    }

    /** The first page's JSON body, or {@code null} for a request without one. */
    JsonNode body() {
        return body;
    }

    PreviewPage get(URI uri) throws IOException, InterruptedException {
        return send(uri, body);
    }

    PreviewPage send(URI target, JsonNode content) throws IOException, InterruptedException {
        return send(target, content, Map.of());
    }

    private PreviewPage send(URI target, JsonNode content, Map<String, String> extraHeaders) throws IOException, InterruptedException {
        Map<String, String> sentHeaders = new LinkedHashMap<>(headers);
        sentHeaders.putAll(extraHeaders);
        URI uri = credentials.apply(target, sentHeaders);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        sentHeaders.forEach(request::setHeader);
        if (content != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, content == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(content.toString()));
        sent.add(target);
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode parsed;
        try {
            parsed = response.body().length == 0 ? null : MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            parsed = null;
        }
        return new PreviewPage(target, response.statusCode(), response.headers(), parsed);
    }

    /** A request that tries a guess: one the server refuses or drops is a page of nothing, not a failure. */
    PreviewPage probe(URI uri) throws InterruptedException {
        return probe(uri, body);
    }

    /** A guess with its own JSON body. */
    PreviewPage probe(URI uri, JsonNode content) throws InterruptedException {
        return probe(uri, content, Map.of());
    }

    /** A guess that sends one request header more. */
    PreviewPage probeWithHeader(URI uri, String header, String value) throws InterruptedException {
        return probe(uri, body, Map.of(header, value));
    }

    private PreviewPage probe(URI uri, JsonNode content, Map<String, String> extraHeaders) throws InterruptedException {
        try {
            return send(uri, content, extraHeaders);
        } catch (IOException | RuntimeException refused) {
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
