package io.caravan.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Takes credentials out of a request's URL before it is stored, shown or sent: query parameters named
 * as a credential ({@code apiKeyParam}) or whose value holds a secret in use, and a user and password
 * in the authority. An API that echoes the query in its next links (Link headers, HAL {@code _links})
 * would otherwise put its key into the checkpoint and send it twice.
 */
public final class UrlSecrets {

    private final Credentials credentials;

    /** Strips what {@code credentials} send (the secrets they hold now: a renewed token included). */
    public UrlSecrets(Credentials credentials) {
        this.credentials = credentials;
    }

    /** {@code request} without credentials in its URL, query parameters or paging token. */
    public PageRequest strip(PageRequest request) {
        String url = strip(request.url());
        Map<String, String> query = new LinkedHashMap<>(request.query());
        query.entrySet().removeIf(entry -> isCredential(entry.getKey(), entry.getValue()));
        if (url.equals(request.url()) && query.size() == request.query().size()) {
            return request;
        }
        // A next link is also the request's token: it goes without the credential too.
        String token = request.url().equals(request.token()) ? url : request.token();
        return new PageRequest(request.method(), url, query, request.headers(), request.body(), request.pageIndex(), token);
    }

    /** {@code url} without a user and password and without credential query parameters. */
    public String strip(String url) {
        String clean = withoutUserInfo(url);
        int q = clean.indexOf('?');
        if (q < 0) {
            return clean;
        }
        int hash = clean.indexOf('#', q);
        String query = clean.substring(q + 1, hash < 0 ? clean.length() : hash);
        StringJoiner kept = new StringJoiner("&");
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!pair.isEmpty() && !isCredential(name, value)) {
                kept.add(pair);
            }
        }
        String base = clean.substring(0, q);
        return kept.length() == 0 ? base : base + "?" + kept;
    }

    private boolean isCredential(String name, String value) {
        if (credentials.queryParameters().contains(name)) {
            return true;
        }
        for (String secret : credentials.secrets()) {
            if (secret != null && secret.length() >= 4 && value.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutUserInfo(String url) {
        int authority = url.indexOf("://");
        if (authority < 0) {
            return url;
        }
        int start = authority + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at < start ? url : url.substring(0, start) + url.substring(at + 1);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
