package io.caravan.app.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.config.ConfigurationException;
import io.caravan.request.FixedHeaders;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code caravan preview URL}: fetches the first page (and the pages that prove a next signal),
 * prints the records path, a sample record, key candidates, the pagination style with why, totals
 * and rate-limit headers, and where it is unsure says so with the alternatives; then writes the
 * route file when asked. The exit status is 0 when a style was found, 1 when none was.
 */
public final class Preview {

    private static final int SAMPLE_CHARS = 400;
    private static final List<String> AUTH_PARAMETERS = List.of("auth", "authToken", "authUser", "authPassword", "apiKeyParam",
            "apiKey", "grantType", "tokenUrl", "clientId", "clientSecret", "scope", "tokenParams", "clientAuth", "refreshToken");

    /**
     * The first request: its method, JSON body (or {@code null}), header lines and route parameters
     * (credentials) as given on the command line.
     */
    public record Request(String method, String body, List<String> headers, Map<String, String> parameters) {

        /** A GET with these header lines. */
        public static Request get(List<String> headers) {
            return new Request("GET", null, headers, Map.of());
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI url;
    private final Request request;
    private final Map<String, String> headers;
    private final String name;
    private final Path write;
    private final PrintStream out;

    public Preview(URI url, Request request, String name, Path write, PrintStream out) {
        if (url.getScheme() == null || !url.getScheme().matches("https?")) {
            throw new ConfigurationException("preview URL '" + url + "' is not an http or https URL");
        }
        this.url = url;
        this.request = request;
        this.headers = headers(request.headers());
        for (String parameter : request.parameters().keySet()) {
            if (!AUTH_PARAMETERS.contains(parameter)) {
                throw new ConfigurationException("preview -p " + parameter + ": not a credentials parameter (" + String.join(", ", AUTH_PARAMETERS) + ")");
            }
        }
        this.name = name != null ? name : nameOf(url);
        this.write = write;
        this.out = out;
    }

    public int run() throws Exception {
        try (PreviewCredentials credentials = PreviewCredentials.of(url, request.parameters())) {
            return run(new PageFetcher(headers, credentials, request.method().toUpperCase(Locale.ROOT), body()));
        }
    }

    private JsonNode body() {
        if (request.body() == null) {
            return null;
        }
        try {
            return MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("preview --body is not JSON: " + e.getOriginalMessage());
        }
    }

    private int run(PageFetcher fetcher) throws IOException, InterruptedException {
        PreviewPage first = fetcher.get(url);
        if (!first.ok()) {
            out.println(request.method().toUpperCase(Locale.ROOT) + " " + url + ": HTTP " + first.status() + (first.body() == null ? ", not JSON" : "")
                    + ": nothing to preview (check the URL and the headers)");
            return 1;
        }
        PageShape shape = PageShape.of(first.body());
        if (shape.recordsPath() == null) {
            out.println(request.method().toUpperCase(Locale.ROOT) + " " + url + ": HTTP " + first.status() + ", but the body holds no array of objects: no records to page through");
            return 1;
        }
        out.println(request.method().toUpperCase(Locale.ROOT) + " " + url + ": HTTP " + first.status());
        out.println("records:     " + shape.recordsPath() + " (" + shape.records().size() + " on the first page)");
        String sample = shape.records().get(0).toString();
        out.println("sample:      " + (sample.length() > SAMPLE_CHARS ? sample.substring(0, SAMPLE_CHARS) + "…" : sample));
        List<String> keys = shape.keyCandidates();
        String keyPath = keys.isEmpty() ? null : keys.get(0);
        out.println("key:         " + (keyPath == null ? "none unique on the page: set keyPath yourself"
                : keyPath + (keys.size() > 1 ? " (also unique: " + String.join(", ", keys.subList(1, keys.size())) + ")" : "")));
        Detection detection = new PagingDetector(fetcher, first, shape, keyPath).detect();
        if (detection.style() == null) {
            out.println("pagination:  unsure: no next signal led to a page of other records"
                    + (detection.alternatives().isEmpty() ? " (a single page, or a style the first page does not show:"
                            + " timeWindow, lastRecordTime, templated)" : "; the pages also fit: " + String.join(", ", detection.alternatives())));
        } else {
            out.println("pagination:  " + detection.style() + " " + detection.parameters().entrySet().stream()
                    .filter(e -> !e.getKey().equals("pagination")).map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
            if (!detection.alternatives().isEmpty()) {
                out.println("             unsure between it and: " + String.join(", ", detection.alternatives()));
            }
        }
        detection.evidence().forEach(line -> out.println("  because    " + line));
        Map<String, String> limits = new LinkedHashMap<>();
        first.headers().map().forEach((header, values) -> {
            if (header.toLowerCase(Locale.ROOT).matches("x-ratelimit.*|ratelimit.*|retry-after|x-rate-limit.*")) {
                limits.put(header, String.join(",", values));
            }
        });
        out.println("rate limits: " + (limits.isEmpty() ? "no rate-limit headers seen" : limits.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))));
        out.println("requests:    " + fetcher.requests());
        if (write != null) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (!request.method().equalsIgnoreCase("GET")) {
                parameters.put("method", request.method().toUpperCase(Locale.ROOT));
            }
            if (request.body() != null) {
                parameters.put("body", request.body());
            }
            parameters.putAll(detection.parameters());
            parameters.put("recordsPath", shape.recordsPath());
            if (keyPath != null) {
                parameters.put("keyPath", keyPath);
            }
            if (write.getParent() != null) {
                Files.createDirectories(write.getParent());
            }
            Files.writeString(write, RouteFileWriter.write(name, url.toString(), parameters, headers, request.parameters()));
            out.println("wrote " + write);
            headers.keySet().stream().filter(FixedHeaders::isSecretName).forEach(header -> out.println("  set "
                    + RouteFileWriter.variable(name, header) + " to the value of the header " + header + " before running it"));
            request.parameters().keySet().stream().filter(PreviewCredentials.SECRET_PARAMETERS::contains).forEach(parameter ->
                    out.println("  set " + RouteFileWriter.variable(name, parameter) + " to the value of " + parameter + " before running it"));
        }
        return detection.style() == null ? 1 : 0;
    }

    private static Map<String, String> headers(List<String> lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ConfigurationException("header '" + line.replaceAll(":.*", ":…") + "' is not 'Name: value'");
            }
            headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static String nameOf(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\..*$", "");
        return last.isEmpty() ? "source" : last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }
}
