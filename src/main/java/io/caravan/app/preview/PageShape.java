package io.caravan.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a page's body is made of: its records (the largest array of objects, as a JSONPath; where each
 * element only wraps the record, as CouchDB's rows wrap it in {@code doc} and GraphQL's edges in
 * {@code node}, the wrapped objects), the fields of a record that could be its key, and every other
 * value of the body by its JSONPath (where next links, cursors, flags and totals are).
 */
final class PageShape {

    private static final int DEPTH = 5;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> WRAPPERS = List.of("doc", "document", "node");

    private final String recordsPath;
    private final List<JsonNode> records;
    private final Map<String, JsonNode> others = new LinkedHashMap<>();

    private PageShape(JsonNode body) {
        List<Object[]> arrays = new ArrayList<>();
        collect(body, "$", 0, arrays);
        Object[] largest = null;
        for (Object[] array : arrays) {
            if (largest == null || ((JsonNode) array[1]).size() > ((JsonNode) largest[1]).size()) {
                largest = array;
            }
        }
        records = new ArrayList<>();
        if (largest == null) {
            recordsPath = null;
            return;
        }
        JsonNode rows = (JsonNode) largest[1];
        String wrapper = wrapper(rows);
        recordsPath = wrapper == null ? (String) largest[0] : largest[0] + "[*]." + wrapper;
        rows.forEach(row -> records.add(wrapper == null ? row : row.get(wrapper)));
    }

    /** The field every row wraps its record in, or {@code null} when the rows are the records. */
    private static String wrapper(JsonNode rows) {
        for (String name : WRAPPERS) {
            boolean wraps = true;
            for (JsonNode row : rows) {
                JsonNode wrapped = row.get(name);
                if (wrapped == null || !wrapped.isObject()) {
                    wraps = false;
                    break;
                }
            }
            if (wraps) {
                return name;
            }
        }
        return null;
    }

    static PageShape of(JsonNode body) {
        return new PageShape(body);
    }

    /** The JSONPath of the records, or {@code null} when the page has no array of objects. */
    String recordsPath() {
        return recordsPath;
    }

    List<JsonNode> records() {
        return records;
    }

    /** The values outside the records, by JSONPath, in the order of the body. */
    Map<String, JsonNode> others() {
        return others;
    }

    /** Fields unique on the page and present in every record, the id-like ones first, as JSONPaths. */
    List<String> keyCandidates() {
        if (records.isEmpty() || !records.get(0).isObject()) {
            return List.of();
        }
        List<String> unique = new ArrayList<>();
        for (Iterator<String> names = records.get(0).fieldNames(); names.hasNext();) {
            String name = names.next();
            Set<String> seen = new HashSet<>();
            boolean key = true;
            for (JsonNode record : records) {
                JsonNode value = record.get(name);
                if (value == null || !value.isValueNode() || value.isNull() || !seen.add(value.asText())) {
                    key = false;
                    break;
                }
            }
            if (key) {
                unique.add(name);
            }
        }
        unique.sort((a, b) -> Integer.compare(idLikeness(a), idLikeness(b)));
        return unique.stream().map(name -> child("$", name)).toList();
    }

    /** The value at a key path ({@code $.id}) of a record. */
    static JsonNode at(JsonNode record, String keyPath) {
        String name = keyPath.startsWith("$['") ? keyPath.substring(3, keyPath.length() - 2) : keyPath.substring(2);
        return record.get(name);
    }

    static String child(String parent, String name) {
        return PLAIN_NAME.matcher(name).matches() ? parent + "." + name : parent + "['" + name + "']";
    }

    private static int idLikeness(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("id")) {
            return 0;
        }
        if (lower.endsWith("id") || lower.equals("key") || lower.endsWith("_key") || lower.equals("uuid")) {
            return 1;
        }
        return 2;
    }

    private void collect(JsonNode node, String path, int depth, List<Object[]> arrays) {
        if (node.isArray()) {
            if (!node.isEmpty() && node.get(0).isObject()) {
                arrays.add(new Object[] {path, node});
            } else {
                others.put(path, node);
            }
            return;
        }
        if (!node.isObject() || depth >= DEPTH) {
            others.put(path, node);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            collect(field.getValue(), child(path, field.getKey()), depth + 1, arrays);
        }
    }
}
