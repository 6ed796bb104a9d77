package io.caravan.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the sandbox's own links: the request URL with one query parameter set; and, for the knob
 * {@code relative_links=climb}, the links of a page written relative with more {@code ../} than the
 * path has segments, as some APIs write them (RFC 3986 resolves them to the root; RFC 2396 did not).
 */
final class Links {

    private static final String CLIMB = "../../../../../..";

    private Links() {
    }

    /** {@code page} with every absolute link to {@code origin} (Link header and body) made relative, climbing past the root. */
    static SandboxResponse climbing(SandboxResponse page, String origin) {
        Map<String, String> headers = new LinkedHashMap<>(page.headers());
        headers.replaceAll((name, value) -> value.replace(origin, CLIMB));
        String body = new String(page.body(), StandardCharsets.UTF_8).replace(origin, CLIMB);
        return new SandboxResponse(page.status(), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static String withParam(String url, String name, Object value) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        StringBuilder out = new StringBuilder(base).append('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (!pair.isEmpty() && !pair.startsWith(name + "=") && !pair.equals(name)) {
                    out.append(pair).append('&');
                }
            }
        }
        return out.append(name).append('=').append(value).toString();
    }
}
