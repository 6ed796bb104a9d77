package io.caravan.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects how an API pages from its first page, and proves it on a second: the Link header, a next
 * URL in the body, a continuation object, a cursor in the body or in a header, a has-more flag with
 * the last record's key, or page-number and offset parameters. A style is only reported when the
 * page it leads to holds other records than the first; otherwise the alternatives are listed.
 */
final class PagingDetector {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    private static final Pattern CURSOR_NAME = Pattern.compile(
            "(?i).*(next_?page_?token|next_?cursor|next_?token|cursor|after|scroll_?id|continuation|page_?token|next_?key)$");
    private static final Pattern FLAG_NAME = Pattern.compile("(?i)(has_?more|more|more_?items|has_?next(_?page)?)");
    private static final Pattern TOTAL_NAME = Pattern.compile("(?i)(total|total_?count|total_?records|total_?results|count)");
    private static final Pattern TOTAL_PAGES_NAME = Pattern.compile("(?i)(total_?pages|page_?count|pages)");
    private static final List<String> LAST_KEY_PARAMS = List.of("starting_after", "after", "since_id", "cursor", "last_id",
            "startkey", "from");
    private static final List<String> SEARCH_AFTER_FIELDS = List.of("search_after", "after", "starting_after");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> TIME_PARAMS = List.of("start_time", "since", "updated_since", "updated_after",
            "modified_since", "from", "start", "after");
    private static final List<String> PAGE_PARAMS = List.of("page", "p", "page_number", "pageNumber");
    private static final List<String> OFFSET_PARAMS = List.of("offset", "startAt", "start", "skip", "first");

    private final PageFetcher fetcher;
    private final PreviewPage first;
    private final PageShape shape;
    private final String keyPath;
    private final Set<String> firstKeys = new HashSet<>();
    private final List<String> evidence = new ArrayList<>();
    private final Set<String> alternatives = new LinkedHashSet<>();

    PagingDetector(PageFetcher fetcher, PreviewPage first, PageShape shape, String keyPath) {
        this.fetcher = fetcher;
        this.first = first;
        this.shape = shape;
        this.keyPath = keyPath;
        shape.records().forEach(record -> firstKeys.add(key(record)));
    }

    Detection detect() throws InterruptedException {
        Map<String, String> found = linkHeader();
        if (found == null) {
            found = continuation();
        }
        if (found == null) {
            found = nextUrl();
        }
        if (found == null) {
            found = bodyCursor();
        }
        if (found == null) {
            found = headerToken();
        }
        if (found == null) {
            found = lastRecordCursor();
        }
        if (found == null) {
            found = numbered();
        }
        if (found == null) {
            found = lastRecordTime();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (found != null) {
            parameters.putAll(found);
        }
        totals(parameters);
        alternatives.remove(parameters.get("pagination"));
        return new Detection(found == null ? null : found.get("pagination"), parameters, evidence, List.copyOf(alternatives));
    }

    private Map<String, String> linkHeader() throws InterruptedException {
        String link = first.header("Link");
        Matcher next = link == null ? null : NEXT_LINK.matcher(link);
        if (next == null || !next.find()) {
            return null;
        }
        if (!leadsOn(fetcher.probe(first.uri().resolve(next.group(1))))) {
            alternatives.add("linkHeader");
            return null;
        }
        evidence.add("the Link header has rel=\"next\": " + next.group(1));
        return Map.of("pagination", "linkHeader");
    }

    private Map<String, String> continuation() throws InterruptedException {
        String prefix = "$.continue.";
        Map<String, String> keys = new LinkedHashMap<>();
        shape.others().forEach((path, value) -> {
            if (path.startsWith(prefix) && value.isValueNode()) {
                keys.put(path.substring(prefix.length()), value.asText());
            }
        });
        if (keys.isEmpty()) {
            return null;
        }
        URI next = first.uri();
        for (Map.Entry<String, String> key : keys.entrySet()) {
            next = PageFetcher.with(next, key.getKey(), key.getValue());
        }
        if (!leadsOn(fetcher.probe(next))) {
            alternatives.add("continuation");
            return null;
        }
        evidence.add("the body's object $.continue holds the next query's keys: " + String.join(", ", keys.keySet()));
        return ordered("pagination", "continuation", "continueFrom", "$.continue");
    }

    private Map<String, String> nextUrl() throws InterruptedException {
        for (Map.Entry<String, JsonNode> other : shape.others().entrySet()) {
            String value = other.getValue().isTextual() ? other.getValue().asText() : "";
            boolean url = value.startsWith("http://") || value.startsWith("https://") || value.startsWith("/");
            if (!url || !value.contains("?")) {
                continue;
            }
            if (leadsOn(fetcher.probe(first.uri().resolve(value)))) {
                evidence.add("the body's " + other.getKey() + " is the next page's URL: " + value);
                return ordered("pagination", "nextUrl", "nextUrlPath", other.getKey());
            }
            alternatives.add("nextUrl");
        }
        return null;
    }

    private Map<String, String> bodyCursor() throws InterruptedException {
        for (Map.Entry<String, JsonNode> other : shape.others().entrySet()) {
            String path = other.getKey();
            JsonNode value = other.getValue();
            String name = leaf(path);
            if (!value.isValueNode() || value.isNull() || value.isBoolean() || value.asText().isEmpty()
                    || !CURSOR_NAME.matcher(name).matches() || value.asText().startsWith("http")) {
                continue;
            }
            Map<String, String> found = cursorPlacement(path, name, value);
            if (found != null) {
                String flag = moreFlag();
                if (flag != null) {
                    found.put("hasMorePath", flag);
                }
                return found;
            }
            alternatives.add("bodyCursor");
        }
        return null;
    }

    /** Where the API takes the cursor at {@code path} back: in the query, in the JSON body, or in the body of a /continue URL. */
    private Map<String, String> cursorPlacement(String path, String name, JsonNode value) throws InterruptedException {
        if (fetcher.body() != null) {
            for (String field : cursorParams(name)) {
                if (leadsOn(fetcher.probe(first.uri(), withField(fetcher.body(), field, value)))) {
                    evidence.add("the body's " + path + " is a cursor the API takes back in the request body as " + field);
                    return ordered("pagination", "bodyCursor", "cursorPath", path, "cursorParam", "body:" + field);
                }
            }
            URI next = URI.create(first.uri().toString().replaceFirst("\\?.*$", "") + "/continue"
                    + (first.uri().getRawQuery() == null ? "" : "?" + first.uri().getRawQuery()));
            for (String field : cursorParams(name)) {
                if (leadsOn(fetcher.probe(next, withField(MAPPER.createObjectNode(), field, value)))) {
                    evidence.add("the body's " + path + " is a cursor the API takes back at " + next.getPath() + " as the body's " + field);
                    return ordered("pagination", "bodyCursor", "cursorPath", path, "cursorParam", "body:" + field,
                            "nextPagesUrl", next.toString(), "replaceBodyOnNextPages", "true");
                }
            }
        }
        for (String param : cursorParams(name)) {
            if (leadsOn(fetcher.probe(PageFetcher.with(first.uri(), param, value.asText())))) {
                evidence.add("the body's " + path + " is a cursor the API takes back as " + param + "=");
                return ordered("pagination", "bodyCursor", "cursorPath", path, "cursorParam", param);
            }
        }
        return null;
    }

    /** The body's has-more flag, or {@code null}. */
    private String moreFlag() {
        for (Map.Entry<String, JsonNode> other : shape.others().entrySet()) {
            if (other.getValue().isBoolean() && FLAG_NAME.matcher(leaf(other.getKey())).matches()) {
                return other.getKey();
            }
        }
        return null;
    }

    private static ObjectNode withField(JsonNode body, String name, JsonNode value) {
        ObjectNode copy = body.isObject() ? ((ObjectNode) body).deepCopy() : MAPPER.createObjectNode();
        copy.set(name, value);
        return copy;
    }

    private Map<String, String> headerToken() throws InterruptedException {
        for (Map.Entry<String, List<String>> header : first.headers().map().entrySet()) {
            String name = header.getKey();
            if (!name.toLowerCase(Locale.ROOT).matches(".*(next|cursor|continuation|page-token).*") || header.getValue().isEmpty()) {
                continue;
            }
            String token = header.getValue().get(0);
            for (String param : cursorParams(name.replaceFirst("(?i)^x-", "").replace('-', '_'))) {
                if (leadsOn(fetcher.probe(PageFetcher.with(first.uri(), param, token)))) {
                    evidence.add("the response header " + name + " carries a token the API takes back as " + param + "=");
                    return ordered("pagination", "headerToken", "tokenHeader", name, "cursorParam", param);
                }
            }
            alternatives.add("headerToken");
        }
        return null;
    }

    private Map<String, String> lastRecordCursor() throws InterruptedException {
        String flag = null;
        for (Map.Entry<String, JsonNode> other : shape.others().entrySet()) {
            if (other.getValue().isBoolean() && FLAG_NAME.matcher(leaf(other.getKey())).matches()) {
                flag = other.getKey();
                if (!other.getValue().asBoolean()) {
                    evidence.add("the body's " + flag + " is false: this is the only page");
                    return null;
                }
            }
        }
        Map<String, String> sorted = searchAfter();
        if (sorted != null) {
            return sorted;
        }
        if (flag == null || keyPath == null || shape.records().isEmpty()) {
            return null;
        }
        String last = key(shape.records().get(shape.records().size() - 1));
        for (String param : LAST_KEY_PARAMS) {
            if (leadsOn(fetcher.probe(PageFetcher.with(first.uri(), param, last)))) {
                evidence.add("the body's " + flag + " says more follow, and the API takes the last record's key as " + param + "=");
                return ordered("pagination", "lastRecordCursor", "cursorParam", param, "cursorField", keyPath, "hasMorePath", flag);
            }
        }
        alternatives.add("lastRecordCursor");
        return null;
    }

    /** A search API with a JSON body: the last record's sort values, sent back in the body, start the next page. */
    private Map<String, String> searchAfter() throws InterruptedException {
        if (fetcher.body() == null || shape.records().isEmpty() || !shape.records().get(0).isObject()) {
            return null;
        }
        JsonNode last = shape.records().get(shape.records().size() - 1);
        for (Iterator<Map.Entry<String, JsonNode>> fields = last.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isArray() || field.getValue().isEmpty()) {
                continue;
            }
            for (String name : SEARCH_AFTER_FIELDS) {
                if (leadsOn(fetcher.probe(first.uri(), withField(fetcher.body(), name, field.getValue())))) {
                    String cursorField = PageShape.child("$", field.getKey());
                    evidence.add("the last record's " + cursorField + " sent back as the body's " + name + " starts the next page");
                    return ordered("pagination", "lastRecordCursor", "cursorField", cursorField, "cursorParam", "body:" + name);
                }
            }
        }
        return null;
    }

    private Map<String, String> numbered() throws InterruptedException {
        for (String param : PAGE_PARAMS) {
            // The first page is page 1 when asking for 1 gives it again, else page 0 when 0 does.
            for (int firstPage : new int[] {1, 0}) {
                PreviewPage again = fetcher.probe(PageFetcher.with(first.uri(), param, Integer.toString(firstPage)));
                if (!sameRecords(again)) {
                    continue;
                }
                if (leadsOn(fetcher.probe(PageFetcher.with(first.uri(), param, Integer.toString(firstPage + 1))))) {
                    evidence.add("the API pages by number: " + param + "=" + firstPage + " is the first page, "
                            + param + "=" + (firstPage + 1) + " the next");
                    return firstPage == 1 ? ordered("pagination", "pageNumber", "pageParam", param)
                            : ordered("pagination", "pageNumber", "pageParam", param, "firstPage", "0");
                }
            }
        }
        String size = Integer.toString(shape.records().size());
        for (String param : OFFSET_PARAMS) {
            if (sameRecords(fetcher.probe(PageFetcher.with(first.uri(), param, "0")))
                    && leadsOn(fetcher.probe(PageFetcher.with(first.uri(), param, size)))) {
                evidence.add("the API pages by offset: " + param + "=0 is the first page, " + param + "=" + size + " the next");
                return ordered("pagination", "offset", "offsetParam", param, "offsetStep", "records");
            }
        }
        return null;
    }

    /**
     * Records in ascending order of a time field, and a query parameter that starts the page at the
     * last one's time: the page after holds newer records (those of exactly that time may come again).
     */
    private Map<String, String> lastRecordTime() throws InterruptedException {
        String field = ascendingTimeField();
        if (field == null) {
            return null;
        }
        List<JsonNode> records = shape.records();
        String last = PageShape.at(records.get(records.size() - 1), field).asText();
        long atLast = records.stream().filter(record -> PageShape.at(record, field).asText().equals(last)).count();
        for (String param : TIME_PARAMS) {
            PreviewPage page = fetcher.probe(PageFetcher.with(first.uri(), param, last));
            if (!page.ok()) {
                continue;
            }
            List<JsonNode> next = PageShape.of(page.body()).records();
            long repeated = next.stream().map(this::key).filter(firstKeys::contains).count();
            if (next.size() > repeated && repeated <= atLast) {
                evidence.add("the records come in order of " + field + ", and the API starts a page at the last one's time as "
                        + param + "=");
                return ordered("pagination", "lastRecordTime", "timeField", field, "startParam", param);
            }
        }
        alternatives.add("lastRecordTime (timeField=" + field + ")");
        alternatives.add("timeWindow (timeField=" + field + ")");
        return null;
    }

    /** A record field holding ISO-8601 times that never decrease over the page, or {@code null}. */
    private String ascendingTimeField() {
        List<JsonNode> records = shape.records();
        if (records.size() < 2 || !records.get(0).isObject()) {
            return null;
        }
        for (Iterator<String> names = records.get(0).fieldNames(); names.hasNext();) {
            String path = PageShape.child("$", names.next());
            Instant previous = null;
            boolean ascending = true;
            for (JsonNode record : records) {
                Instant at = instant(PageShape.at(record, path));
                if (at == null || (previous != null && at.isBefore(previous))) {
                    ascending = false;
                    break;
                }
                previous = at;
            }
            if (ascending) {
                return path;
            }
        }
        return null;
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    /** Totals the body or the headers announce: a stop, and a check that the run read them all. */
    private void totals(Map<String, String> parameters) {
        for (Map.Entry<String, JsonNode> other : shape.others().entrySet()) {
            String name = leaf(other.getKey());
            if (!other.getValue().isIntegralNumber()) {
                continue;
            }
            if (TOTAL_PAGES_NAME.matcher(name).matches() && !parameters.containsKey("totalPagesPath")) {
                parameters.put("totalPagesPath", other.getKey());
                evidence.add("the body's " + other.getKey() + " announces " + other.getValue() + " pages");
            } else if (TOTAL_NAME.matcher(name).matches() && !parameters.containsKey("totalRecordsPath")
                    && other.getValue().asLong() >= shape.records().size()) {
                parameters.put("totalRecordsPath", other.getKey());
                evidence.add("the body's " + other.getKey() + " announces " + other.getValue() + " records");
            }
        }
        String header = first.header("X-Total-Count");
        if (header != null && !parameters.containsKey("totalRecordsPath")) {
            parameters.put("totalRecordsHeader", "X-Total-Count");
            evidence.add("the header X-Total-Count announces " + header + " records");
        }
    }

    /** Whether {@code page} holds records, none of them on the first page. */
    private boolean leadsOn(PreviewPage page) {
        if (!page.ok() || shape.recordsPath() == null) {
            return false;
        }
        PageShape next = PageShape.of(page.body());
        if (next.records().isEmpty() || !shape.recordsPath().equals(next.recordsPath())) {
            return false;
        }
        return next.records().stream().map(this::key).noneMatch(firstKeys::contains);
    }

    /** Whether {@code page} holds exactly the first page's records. */
    private boolean sameRecords(PreviewPage page) {
        if (!page.ok()) {
            return false;
        }
        PageShape again = PageShape.of(page.body());
        Set<String> keys = new HashSet<>();
        again.records().forEach(record -> keys.add(key(record)));
        return !keys.isEmpty() && keys.equals(firstKeys);
    }

    private String key(JsonNode record) {
        JsonNode key = keyPath == null ? null : PageShape.at(record, keyPath);
        return key == null ? record.toString() : key.asText();
    }

    /** The query names a cursor called {@code name} may go back as: the name itself, without "next", then common ones. */
    private static List<String> cursorParams(String name) {
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        String bare = name.replaceFirst("(?i)^next_?", "");
        if (!bare.isEmpty()) {
            names.add(bare);
            names.add(Character.toLowerCase(bare.charAt(0)) + bare.substring(1));
        }
        names.addAll(List.of("cursor", "start_cursor", "after", "page_token", "pageToken", "next_page_token", "token", "continuation"));
        return List.copyOf(names);
    }

    private static String leaf(String path) {
        int bracket = path.lastIndexOf("['");
        if (bracket >= 0 && path.endsWith("']")) {
            return path.substring(bracket + 2, path.length() - 2);
        }
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
