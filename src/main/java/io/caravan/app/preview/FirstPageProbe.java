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
    private int growth = -1;

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
        List<String> next = keysOf(page);
        return !next.isEmpty() && next.stream().noneMatch(firstKeys::contains);
    }

    /** Whether {@code page} begins with the first page's last record, and holds only other records after it. */
    boolean startsAtLastRecord(PreviewPage page) {
        List<String> next = keysOf(page);
        List<JsonNode> records = shape.records();
        return next.size() >= 2 && next.get(0).equals(key(records.get(records.size() - 1)))
                && next.subList(1, next.size()).stream().noneMatch(firstKeys::contains);
    }

    /**
     * Whether the data set grows at its head (newest first) while it is read: asked once, on first
     * use, by asking for the first page again, which then begins with new records and the first
     * page's pushed down after them.
     */
    boolean growing() throws InterruptedException {
        if (growth < 0) {
            growth = Math.max(0, grownBy(fetcher.probe(first.uri())));
            if (growth > 0) {
                evidence("the data grows while it is read: the first page asked again began with " + growth + " new records,"
                        + " so pages counted from the head repeat records (each lands once) and what is added during a run is read by the next");
            }
        }
        return growth > 0;
    }

    /**
     * How many new records {@code page}, asked as the first page again, begins with before the first
     * page's own (those pushed down, in their order); -1 when it is another page.
     */
    int grownBy(PreviewPage page) {
        List<String> again = keysOf(page);
        List<String> firstOrder = shape.records().stream().map(this::key).toList();
        int grown = 0;
        while (grown < again.size() && !firstKeys.contains(again.get(grown))) {
            grown++;
        }
        List<String> kept = again.subList(grown, again.size());
        return !again.isEmpty() && kept.size() <= firstOrder.size() && kept.equals(firstOrder.subList(0, kept.size())) ? grown : -1;
    }

    /**
     * Whether {@code after} is the page after {@code before} in a data set that grows at its head: it
     * may begin with {@code before}'s last records again (pushed down by new ones), then holds others.
     */
    boolean continues(PreviewPage before, PreviewPage after) {
        List<String> head = keysOf(before);
        List<String> next = keysOf(after);
        int repeated = 0;
        while (repeated < next.size() && head.contains(next.get(repeated))) {
            repeated++;
        }
        return !head.isEmpty() && repeated < next.size() && repeated <= head.size()
                && next.subList(0, repeated).equals(head.subList(head.size() - repeated, head.size()))
                && next.subList(repeated, next.size()).stream().noneMatch(head::contains);
    }

    /** The keys of a page's records in order, none when it failed or its records are elsewhere. */
    private List<String> keysOf(PreviewPage page) {
        if (!page.ok() || shape.recordsPath() == null) {
            return List.of();
        }
        PageShape next = PageShape.of(page.body());
        return shape.recordsPath().equals(next.recordsPath()) ? next.records().stream().map(this::key).toList() : List.of();
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
