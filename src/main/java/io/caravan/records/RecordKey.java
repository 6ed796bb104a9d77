package io.caravan.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.request.Sha256;

/**
 * The primary key of a record: the value at a JSONPath, or, when the API gives no key, a SHA-256
 * of the record's JSON (stable for the same content).
 */
public final class RecordKey {

    private final JsonPaths path;

    private RecordKey(JsonPaths path) {
        this.path = path;
    }

    /** A key read at {@code expression}, or a content hash when the expression is blank. */
    public static RecordKey of(String expression) {
        return new RecordKey(expression == null || expression.isBlank() ? null : JsonPaths.compile(expression));
    }

    /** The key of {@code record}; a record without a value at the key path is an error. */
    public String of(JsonNode record, String json) {
        if (path == null) {
            return Sha256.hex(json);
        }
        JsonNode value = path.read(record);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            throw new IllegalArgumentException("record key path " + path + " has no scalar value in a record");
        }
        return value.asText();
    }

}
