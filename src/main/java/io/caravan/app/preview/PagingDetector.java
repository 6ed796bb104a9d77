package io.caravan.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Detects how an API pages from its first page, and proves it on a second: the styles the API hands
 * the next request of first ({@link ServedStyles}), then those Caravan computes it for
 * ({@link ComputedStyles}), in a fixed order; then the totals the page announces. A style is only
 * reported when the page it leads to holds other records than the first; otherwise the
 * alternatives are listed.
 */
final class PagingDetector {

    private static final Pattern TOTAL_NAME = Pattern.compile("(?i)(total|total_?count|total_?records|total_?results|total_?rows|count)");
    private static final Pattern TOTAL_PAGES_NAME = Pattern.compile("(?i)(total_?pages|page_?count|pages)");

    /** One style's try: its parameters when the pages prove it, else {@code null}. */
    @FunctionalInterface
    private interface StyleTry {
        Map<String, String> attempt() throws InterruptedException;
    }

    private final FirstPageProbe probe;
    private final List<StyleTry> tries;

    PagingDetector(PageFetcher fetcher, PreviewPage first, PageShape shape, String keyPath) {
        probe = new FirstPageProbe(fetcher, first, shape, keyPath);
        ServedStyles served = new ServedStyles(probe);
        ComputedStyles computed = new ComputedStyles(probe);
        StartKeyStyle startKey = new StartKeyStyle(probe);
        tries = List.of(served::linkHeader, served::continuation, served::nextUrl, served::bodyCursor, served::headerToken,
                computed::lastRecordCursor, startKey::startAtKey, computed::numbered, computed::lastRecordTime);
    }

    Detection detect() throws InterruptedException {
        Map<String, String> found = null;
        for (StyleTry style : tries) {
            found = style.attempt();
            if (found != null) {
                break;
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (found != null) {
            parameters.putAll(found);
        }
        totals(parameters);
        protobufJson(parameters);
        String pagination = parameters.get("pagination");
        return new Detection(pagination, parameters, probe.evidence(), probe.alternativesBut(pagination));
    }

    /** A total's name: the field's, or its object's for a total written as {@code {"value": n, "relation": "eq"}}. */
    private static String totalName(String path) {
        String name = FirstPageProbe.leaf(path);
        return name.equals("value") && path.endsWith(".value") ? FirstPageProbe.leaf(path.substring(0, path.length() - 6)) : name;
    }

    /** Elasticsearch's total beside its relation: "gte" marks a lower bound, which is neither a stop nor an exact count. */
    private void relation(String totalPath, Map<String, String> parameters) {
        if (!totalPath.endsWith(".value")) {
            return;
        }
        String relationPath = totalPath.substring(0, totalPath.length() - 6) + ".relation";
        JsonNode relation = probe.shape().others().get(relationPath);
        if (relation != null && relation.isTextual()) {
            parameters.put("totalRelationPath", relationPath);
            probe.evidence("the body's " + relationPath + " is \"" + relation.asText() + "\": gte or gt would mark the total a lower bound");
        }
    }

    /**
     * A count written as a string is protobuf's JSON (64-bit numbers as strings), which also leaves
     * out empty arrays: a page without the records holds none.
     */
    private void protobufJson(Map<String, String> parameters) {
        for (Map.Entry<String, JsonNode> other : probe.shape().others().entrySet()) {
            if (other.getValue().isTextual() && other.getValue().asText().matches("\\d+")
                    && TOTAL_NAME.matcher(FirstPageProbe.leaf(other.getKey())).matches()) {
                parameters.put("onMissingRecords", "empty");
                probe.evidence("the body's " + other.getKey() + " is a number written as a string, as protobuf's JSON writes it,"
                        + " which leaves out empty arrays: a page without " + probe.shape().recordsPath() + " holds no records");
                return;
            }
        }
    }

    /** Totals the body or the headers announce: a stop, and a check that the run read them all. */
    private void totals(Map<String, String> parameters) {
        for (Map.Entry<String, JsonNode> other : probe.shape().others().entrySet()) {
            String name = totalName(other.getKey());
            if (!other.getValue().isIntegralNumber()) {
                continue;
            }
            if (TOTAL_PAGES_NAME.matcher(name).matches() && !parameters.containsKey("totalPagesPath")) {
                parameters.put("totalPagesPath", other.getKey());
                probe.evidence("the body's " + other.getKey() + " announces " + other.getValue() + " pages");
            } else if (TOTAL_NAME.matcher(name).matches() && !parameters.containsKey("totalRecordsPath")
                    && other.getValue().asLong() >= probe.shape().records().size()) {
                parameters.put("totalRecordsPath", other.getKey());
                probe.evidence("the body's " + other.getKey() + " announces " + other.getValue() + " records");
                relation(other.getKey(), parameters);
            }
        }
        String header = probe.first().header("X-Total-Count");
        if (header != null && !parameters.containsKey("totalRecordsPath")) {
            parameters.put("totalRecordsHeader", "X-Total-Count");
            probe.evidence("the header X-Total-Count announces " + header + " records");
        }
    }
}
