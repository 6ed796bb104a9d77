package io.caravan.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first page, the fetcher that probes beyond it, and what the probes found: the page a guess
 * leads to is compared with the first one by the records' keys (a style is proven only by a page of
 * other records), and each style found says why (evidence) or that the pages also fit it (alternatives).
 */
final class FirstPageProbe {

    static final Pattern FLAG_NAME = Pattern.compile("(?i)(has_?more|more|more_?items|has_?next(_?page)?)");
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final PageFetcher fetcher;
    private final PreviewPage first;
    private final PageShape shape;
    private final String keyPath;
    private final Set<String> firstKeys = new HashSet<>();
    private final List<String> evidence = new ArrayList<>();
    private final Set<String> alternatives = new LinkedHashSet<>();

    FirstPageProbe(PageFetcher fetcher, PreviewPage first, PageShape shape, String keyPath) {
        this.fetcher = fetcher;
        this.first = first;
        this.shape = shape;
        this.keyPath = keyPath;
        shape.records().forEach(record -> firstKeys.add(key(record)));
    }

    PageFetcher fetcher() {
        return fetcher;
    }

    PreviewPage first() {
        return first;
    }

    PageShape shape() {
        return shape;
    }

    /** The records' key path, or {@code null} when no field is unique on the page. */
    String keyPath() {
        return keyPath;
    }

    /** Why a style was found, one line. */
    void evidence(String line) {
        evidence.add(line);
    }

    /** A style the pages also fit, unproven. */
    void alternative(String style) {
        alternatives.add(style);
    }

    List<String> evidence() {
        return evidence;
    }

    /** The styles the pages also fit, without {@code found}. */
    List<String> alternativesBut(String found) {
        Set<String> others = new LinkedHashSet<>(alternatives);
        others.remove(found);
        return List.copyOf(others);
    }

    boolean onFirstPage(String key) {
        return firstKeys.contains(key);
    }

    /** Whether {@code page} holds records, none of them on the first page. */
    boolean leadsOn(PreviewPage page) {
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
    boolean sameRecords(PreviewPage page) {
        if (!page.ok()) {
            return false;
        }
        PageShape again = PageShape.of(page.body());
        Set<String> keys = new HashSet<>();
        again.records().forEach(record -> keys.add(key(record)));
        return !keys.isEmpty() && keys.equals(firstKeys);
    }

    String key(JsonNode record) {
        JsonNode key = keyPath == null ? null : PageShape.at(record, keyPath);
        return key == null ? record.toString() : key.asText();
    }

    /** The body's has-more flag, or {@code null}. */
    String moreFlag() {
        for (Map.Entry<String, JsonNode> other : shape.others().entrySet()) {
            if (other.getValue().isBoolean() && FLAG_NAME.matcher(leaf(other.getKey())).matches()) {
                return other.getKey();
            }
        }
        return null;
    }

    static ObjectNode withField(JsonNode body, String name, JsonNode value) {
        ObjectNode copy = body.isObject() ? ((ObjectNode) body).deepCopy() : MAPPER.createObjectNode();
        copy.set(name, value);
        return copy;
    }

    static String leaf(String path) {
        int bracket = path.lastIndexOf("['");
        if (bracket >= 0 && path.endsWith("']")) {
            return path.substring(bracket + 2, path.length() - 2);
        }
        return path.substring(path.lastIndexOf('.') + 1);
    }

    static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
