package io.caravan.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Selects the array of records from a page body by JSONPath ({@code $} for a bare top-level array). */
public final class RecordSelector {

    private final JsonPaths path;

    public RecordSelector(String expression) {
        this.path = JsonPaths.compile(expression);
    }

    /**
     * The field names leading to the records, when the page's records can be streamed as the body is
     * parsed: the path is plain field names ({@code $}, {@code $.data}, {@code $.result.items}) and none
     * of {@code bodyPaths}, the other paths read in a page's body, reads into the records (a cursor in
     * the last record, a deep scan, a wildcard). {@code null} when they cannot.
     */
    public List<String> streamable(Collection<String> bodyPaths) {
        List<String> fields = path.fields();
        if (fields == null) {
            return null;
        }
        for (String other : bodyPaths) {
            if (readsInto(fields, JsonPaths.compile(other).toString())) {
                return null;
            }
        }
        return fields;
    }

    /** Whether {@code other} may read into the records at {@code fields} (when unsure: it may). */
    private boolean readsInto(List<String> fields, String other) {
        String records = path.toString();
        if (other.contains("..") || other.contains("*") || other.contains("?")) {
            return true;
        }
        if (other.equals(records) || other.startsWith(records + "[")) {
            return true;
        }
        if (other.contains("[") && fields.stream().anyMatch(other::contains)) {
            return true;
        }
        return !fields.isEmpty() && other.startsWith(records + ".");
    }

    /** Whether the path matches anything in {@code body}. */
    public boolean matches(JsonNode body) {
        JsonNode found = path.read(body);
        return !found.isMissingNode() && !found.isNull();
    }

    /**
     * The records of this page. A path that matches nothing, or a value that is not an array, is a
     * configuration error and fails with the path and what was found.
     */
    public List<JsonNode> select(JsonNode body) {
        JsonNode found = path.read(body);
        if (found.isMissingNode() || found.isNull()) {
            throw new IllegalArgumentException("records path " + path + " matches nothing in the response"
                    + " (check recordsPath; on a later page, onMissingRecords=stop ends the run there)");
        }
        if (!found.isArray()) {
            throw new IllegalArgumentException(
                    "records path " + path + " selects " + found.getNodeType().name().toLowerCase() + ", not an array");
        }
        List<JsonNode> records = new ArrayList<>(found.size());
        found.forEach(records::add);
        return records;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
