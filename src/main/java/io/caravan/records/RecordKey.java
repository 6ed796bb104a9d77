package io.caravan.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.request.Sha256;
import io.caravan.response.ExactNumberNode;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary key of a record: the value at a JSONPath, or, when the API gives no key, a SHA-256
 * of the record's JSON (stable for the same content).
 *
 * <p>A key is the API's own text: a number keeps its spelling, so {@code -0} and {@code 0}, or
 * {@code 1.10} and {@code 1.1}, stay two keys, and so do {@code 100} and {@code 1e2}; the first key in
 * a spelling other than plain digits is logged, so such a split is never silent. A key longer than
 * {@value #MAX_LENGTH} characters (the key column's size) is stored as {@code sha256:} and the hex
 * SHA-256 of its text; the record keeps the whole key in its payload.
 */
public final class RecordKey {

    /** The longest key stored as it is. */
    public static final int MAX_LENGTH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(RecordKey.class);

    private final JsonPaths path;
    private final AtomicBoolean spellingNoted = new AtomicBoolean();

    private RecordKey(JsonPaths path) {
        this.path = path;
    }

    /** A key read at {@code expression}, or a content hash when the expression is blank. */
    public static RecordKey of(String expression) {
        return new RecordKey(expression == null || expression.isBlank() ? null : JsonPaths.compile(expression));
    }

    /** The key of {@code record} of {@code source}; a record without a value at the key path is an error. */
    public String of(String source, JsonNode record, String json) {
        if (path == null) {
            return Sha256.hex(json);
        }
        JsonNode value = path.read(record);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            throw new IllegalArgumentException("record key path " + path + " has no scalar value in a record");
        }
        String key = value.asText();
        if (value instanceof ExactNumberNode number && !number.plainInteger() && spellingNoted.compareAndSet(false, true)) {
            LOG.warn("{}: record key {} is the number {}, not plain digits: keys keep the API's spelling, so the same"
                    + " number spelled otherwise is another key", source, path, key);
        }
        return key.length() > MAX_LENGTH ? "sha256:" + Sha256.hex(key) : key;
    }
}
