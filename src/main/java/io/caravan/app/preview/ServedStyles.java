package io.caravan.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The styles whose next request the API hands out: the Link header, a continuation object, a next
 * URL in the body, a cursor in the body or in a header, each proven by following it once. A cursor
 * goes back where the API takes it: a query parameter, a field of the JSON body, the body of a
 * {@code …/continue} URL, or (a token from a response header) a request header.
 */
final class ServedStyles {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    private static final Pattern CURSOR_NAME = Pattern.compile(
            "(?i).*(next_?page_?token|next_?cursor|next_?token|cursor|after|scroll_?id|continuation|page_?token|next_?key)$");

    private final FirstPageProbe probe;

    ServedStyles(FirstPageProbe probe) {
        this.probe = probe;
    }

    Map<String, String> linkHeader() throws InterruptedException {
        String link = probe.first().header("Link");
        Matcher next = link == null ? null : NEXT_LINK.matcher(link);
        if (next == null || !next.find()) {
            return null;
        }
        if (!probe.leadsOn(probe.fetcher().probe(probe.first().uri().resolve(next.group(1))))) {
            probe.alternative("linkHeader");
            return null;
        }
        probe.evidence("the Link header has rel=\"next\": " + next.group(1));
        return Map.of("pagination", "linkHeader");
    }

    Map<String, String> continuation() throws InterruptedException {
        String prefix = "$.continue.";
        Map<String, String> keys = new LinkedHashMap<>();
        probe.shape().others().forEach((path, value) -> {
            if (path.startsWith(prefix) && value.isValueNode()) {
                keys.put(path.substring(prefix.length()), value.asText());
            }
        });
        if (keys.isEmpty()) {
            return null;
        }
        URI next = probe.first().uri();
        for (Map.Entry<String, String> key : keys.entrySet()) {
            next = PageFetcher.with(next, key.getKey(), key.getValue());
        }
        if (!probe.leadsOn(probe.fetcher().probe(next))) {
            probe.alternative("continuation");
            return null;
        }
        probe.evidence("the body's object $.continue holds the next query's keys: " + String.join(", ", keys.keySet()));
        return FirstPageProbe.ordered("pagination", "continuation", "continueFrom", "$.continue");
    }

    Map<String, String> nextUrl() throws InterruptedException {
        for (Map.Entry<String, JsonNode> other : probe.shape().others().entrySet()) {
            String value = other.getValue().isTextual() ? other.getValue().asText() : "";
            boolean url = value.startsWith("http://") || value.startsWith("https://") || value.startsWith("/");
            if (!url || !value.contains("?")) {
                continue;
            }
            if (probe.leadsOn(probe.fetcher().probe(probe.first().uri().resolve(value)))) {
                probe.evidence("the body's " + other.getKey() + " is the next page's URL: " + value);
                return FirstPageProbe.ordered("pagination", "nextUrl", "nextUrlPath", other.getKey());
            }
            probe.alternative("nextUrl");
        }
        return null;
    }

    Map<String, String> bodyCursor() throws InterruptedException {
        for (Map.Entry<String, JsonNode> other : probe.shape().others().entrySet()) {
            String path = other.getKey();
            JsonNode value = other.getValue();
            String name = FirstPageProbe.leaf(path);
            if (!value.isValueNode() || value.isNull() || value.isBoolean() || value.asText().isEmpty()
                    || !CURSOR_NAME.matcher(name).matches() || value.asText().startsWith("http")) {
                continue;
            }
            Map<String, String> found = cursorPlacement(path, name, value);
            if (found != null) {
                String flag = probe.moreFlag();
                if (flag != null) {
                    found.put("hasMorePath", flag);
                }
                return found;
            }
            probe.alternative("bodyCursor");
        }
        return null;
    }

    /** Where the API takes the cursor at {@code path} back: in the query, in the JSON body, or in the body of a /continue URL. */
    private Map<String, String> cursorPlacement(String path, String name, JsonNode value) throws InterruptedException {
        if (probe.fetcher().body() != null) {
            for (String field : cursorParams(name)) {
                if (probe.leadsOn(probe.fetcher().probe(probe.first().uri(), FirstPageProbe.withField(probe.fetcher().body(), field, value)))) {
                    probe.evidence("the body's " + path + " is a cursor the API takes back in the request body as " + field);
                    return FirstPageProbe.ordered("pagination", "bodyCursor", "cursorPath", path, "cursorParam", "body:" + field);
                }
            }
            URI next = followUp("continue");
            for (String field : cursorParams(name)) {
                if (probe.leadsOn(probe.fetcher().probe(next, FirstPageProbe.withField(FirstPageProbe.MAPPER.createObjectNode(), field, value)))) {
                    probe.evidence("the body's " + path + " is a cursor the API takes back at " + next.getPath() + " as the body's " + field);
                    return FirstPageProbe.ordered("pagination", "bodyCursor", "cursorPath", path, "cursorParam", "body:" + field,
                            "nextPagesUrl", next.toString(), "replaceBodyOnNextPages", "true");
                }
            }
        }
        for (String param : cursorParams(name)) {
            if (probe.leadsOn(probe.fetcher().probe(PageFetcher.with(probe.first().uri(), param, value.asText())))) {
                probe.evidence("the body's " + path + " is a cursor the API takes back as " + param + "=");
                return FirstPageProbe.ordered("pagination", "bodyCursor", "cursorPath", path, "cursorParam", param);
            }
        }
        if (name.toLowerCase(Locale.ROOT).contains("scroll")) {
            URI scroll = followUp("scroll");
            for (String param : cursorParams(name)) {
                PreviewPage page = probe.fetcher().probe(PageFetcher.with(scroll, param, value.asText()));
                if (probe.leadsOn(page)) {
                    probe.evidence("the body's " + path + " is a scroll the API goes on with at " + scroll.getPath() + " as " + param + "=");
                    Map<String, String> found = FirstPageProbe.ordered("pagination", "bodyCursor", "cursorPath", path, "cursorParam", param,
                            "nextPagesUrl", scroll.toString());
                    if (value.equals(PageShape.of(page.body()).others().get(path))) {
                        probe.evidence("the scroll id stays the same from page to page (the server keeps the position): the run ends on an empty page");
                        found.put("stopOnEmptyPage", "true");
                    }
                    return found;
                }
            }
        }
        return null;
    }

    /** The first URL's path followed by {@code /segment}, with the same query: where Dropbox continues a listing and Elasticsearch a scroll. */
    private URI followUp(String segment) {
        URI first = probe.first().uri();
        return URI.create(first.toString().replaceFirst("\\?.*$", "") + "/" + segment
                + (first.getRawQuery() == null ? "" : "?" + first.getRawQuery()));
    }

    Map<String, String> headerToken() throws InterruptedException {
        for (Map.Entry<String, List<String>> header : probe.first().headers().map().entrySet()) {
            String name = header.getKey();
            if (!name.toLowerCase(Locale.ROOT).matches(".*(next|cursor|continuation|page-token).*") || header.getValue().isEmpty()) {
                continue;
            }
            String token = header.getValue().get(0);
            name = canonical(name);
            for (String back : headerNames(name)) {
                if (probe.leadsOn(probe.fetcher().probeWithHeader(probe.first().uri(), back, token))) {
                    probe.evidence("the response header " + name + " carries a token the API takes back in the request header " + back);
                    return FirstPageProbe.ordered("pagination", "headerToken", "tokenHeader", name, "cursorParam", "header:" + back);
                }
            }
            for (String param : cursorParams(name.replaceFirst("(?i)^x-", "").replace('-', '_'))) {
                if (probe.leadsOn(probe.fetcher().probe(PageFetcher.with(probe.first().uri(), param, token)))) {
                    probe.evidence("the response header " + name + " carries a token the API takes back as " + param + "=");
                    return FirstPageProbe.ordered("pagination", "headerToken", "tokenHeader", name, "cursorParam", param);
                }
            }
            probe.alternative("headerToken");
        }
        return null;
    }

    /** A header name as it is usually written ({@code X-Next-Page-Token}), whatever case the server sent it in. */
    private static String canonical(String name) {
        StringBuilder written = new StringBuilder(name.length());
        for (String part : name.split("-", -1)) {
            if (written.length() > 0) {
                written.append('-');
            }
            written.append(part.isEmpty() ? "" : Character.toUpperCase(part.charAt(0)) + part.substring(1).toLowerCase(Locale.ROOT));
        }
        return written.toString();
    }

    /** The request headers a token from the response header {@code name} may go back in: without "next", then as it came. */
    private static List<String> headerNames(String name) {
        Set<String> names = new LinkedHashSet<>();
        names.add(name.replaceFirst("(?i)next-", ""));
        names.add(name);
        return List.copyOf(names);
    }

    /** The query names a cursor called {@code name} may go back as: the name itself, without "next", then common ones. */
    private static List<String> cursorParams(String name) {
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        String bare = name.replaceFirst("(?i)^_*next_?", "").replaceFirst("^_+", "");
        if (!bare.isEmpty()) {
            names.add(bare);
            names.add(Character.toLowerCase(bare.charAt(0)) + bare.substring(1));
        }
        names.addAll(List.of("cursor", "start_cursor", "after", "page_token", "pageToken", "next_page_token", "token", "continuation"));
        return List.copyOf(names);
    }
}
