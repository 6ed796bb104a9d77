package io.caravan.request;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One HTTP request for one page, as an immutable value. It is the checkpoint: to resume a source
 * is to send the request stored for it.
 *
 * <p>{@code url} is kept exactly as configured or as received from the API (a next link keeps its
 * own encoding); {@code query} holds the paging parameters Caravan sets, which replace any
 * parameter of the same name already in {@code url}. Credentials never live here: they are added
 * when the request is sent, so a stored request holds no secret.
 *
 * @param method    HTTP method, upper case
 * @param url       absolute URL, possibly with a query string of its own
 * @param query     parameters added to (or replacing those in) the URL's query, in order
 * @param headers   non-secret request headers
 * @param body      request body, or {@code null}
 * @param pageIndex how many pages of this run came before this one (0 for the first)
 * @param token     the paging value this request carries (page number, offset, cursor), or {@code null}
 */
public record PageRequest(String method, String url, Map<String, String> query, Map<String, String> headers,
        String body, int pageIndex, String token) {

    public PageRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query == null ? Map.of() : query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
    }

    /** A GET of the given URL as the first page. */
    public static PageRequest get(String url) {
        return new PageRequest("GET", url, Map.of(), Map.of(), null, 0, null);
    }

    /** This request with one header set. */
    public PageRequest withHeader(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new PageRequest(method, url, query, next, body, pageIndex, token);
    }

    /** This request carrying {@code newToken} as its paging value. */
    public PageRequest withToken(String newToken) {
        return new PageRequest(method, url, query, headers, body, pageIndex, newToken);
    }

    /** This request with another body. */
    public PageRequest withBody(String newBody) {
        return new PageRequest(method, url, query, headers, newBody, pageIndex, token);
    }

    /** This request sent with another method to another URL (query parameters set so far are kept). */
    public PageRequest to(String newMethod, String newUrl) {
        return new PageRequest(newMethod, newUrl, query, headers, body, pageIndex, token);
    }

    /** The same request, counted as the page after this one. */
    public PageRequest nextPage() {
        return new PageRequest(method, url, query, headers, body, pageIndex + 1, token);
    }

    /** The same request, counted as the page at {@code index}. */
    public PageRequest atPage(int index) {
        return new PageRequest(method, url, query, headers, body, index, token);
    }

    /** What identifies the request on the wire, whatever page it is counted as: to detect a repeat. */
    public String fingerprint() {
        return method + " " + uri() + "\n" + headers + "\n" + (body == null ? "" : body);
    }

    /** This request with one query parameter set (replacing one of the same name). */
    public PageRequest withQueryParam(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put(name, value);
        return new PageRequest(method, url, next, headers, body, pageIndex, token);
    }

    /** The request for the page after this one, sent to another URL (a next link): query parameters are dropped. */
    public PageRequest followingAt(String nextUrl) {
        return new PageRequest(method, nextUrl, Map.of(), headers, body, pageIndex + 1, nextUrl);
    }

    /** The URL without its query string. */
    public String baseUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** The encoded query string to send: the URL's own parameters (minus replaced ones) then {@link #query()}. */
    public String rawQuery() {
        StringJoiner joined = new StringJoiner("&");
        int q = url.indexOf('?');
        if (q >= 0 && q < url.length() - 1) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (!pair.isEmpty() && !query.containsKey(decode(nameOf(pair)))) {
                    joined.add(pair);
                }
            }
        }
        query.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        return joined.toString();
    }

    /** The full URI to send. */
    public URI uri() {
        String rawQuery = rawQuery();
        return URI.create(rawQuery.isEmpty() ? baseUrl() : baseUrl() + "?" + rawQuery);
    }

    /** Scheme, host and port of the URL: the origin every page of a source must stay on. */
    public String origin() {
        // Read by hand, not by URI: a path may still hold a {placeholder} for a bound.
        int authority = url.indexOf("://") + 3;
        int end = authority;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String nameOf(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? pair : pair.substring(0, eq);
    }

    /** Percent-encodes a query component (spaces as %20, so '+' in an opaque cursor survives as %2B). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
