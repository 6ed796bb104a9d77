package io.caravan.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Selects the array of records from a page body by JSONPath ({@code $} for a bare top-level array). */
public final class RecordSelector {

    private final JsonPaths path;

    public RecordSelector(String expression) {
        this.path = JsonPaths.compile(expression);
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
