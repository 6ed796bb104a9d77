package io.caravan.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The fields of a record row beyond the fixed ones: an optional {@code updated_at} read from the
 * record, and extra columns each read at a JSONPath ({@code "email=$.customer.email, total=$.amount"}).
 */
public final class RowLayout {

    private final JsonPaths updatedAt;
    private final Map<String, JsonPaths> extras;
    private final List<String> fields;

    private RowLayout(JsonPaths updatedAt, Map<String, JsonPaths> extras) {
        this.updatedAt = updatedAt;
        this.extras = extras;
        List<String> all = new ArrayList<>(List.of(RowFields.SOURCE, RowFields.KEY, RowFields.PAYLOAD));
        if (updatedAt != null) {
            all.add(RowFields.UPDATED_AT);
        }
        all.add(RowFields.FETCHED_AT);
        all.addAll(extras.keySet());
        this.fields = Collections.unmodifiableList(all);
    }

    /** Only the fixed fields. */
    public static RowLayout fixed() {
        return new RowLayout(null, Map.of());
    }

    /**
     * Parses the configuration; {@code columnName} validates a column name (it goes into SQL).
     *
     * @param updatedAtPath JSONPath of the record's update time, or blank
     * @param columns       {@code name=jsonPath} pairs separated by commas, or blank
     */
    public static RowLayout parse(String updatedAtPath, String columns, UnaryOperator<String> columnName) {
        Map<String, JsonPaths> extras = new LinkedHashMap<>();
        if (columns != null && !columns.isBlank()) {
            for (String pair : columns.trim().split(",\\s*(?=[A-Za-z_][A-Za-z0-9_]*\\s*=)")) {
                int eq = pair.indexOf('=');
                if (eq < 1 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("column mapping '" + pair + "': use name=$.json.path");
                }
                String name = columnName.apply(pair.substring(0, eq).trim());
                if (RowFields.FIXED.contains(name) || name.equals(RowFields.UPDATED_AT) || extras.containsKey(name)) {
                    throw new IllegalArgumentException("column '" + name + "' is mapped twice or is a fixed column");
                }
                extras.put(name, JsonPaths.compile(pair.substring(eq + 1)));
            }
        }
        return new RowLayout(updatedAtPath == null || updatedAtPath.isBlank() ? null : JsonPaths.compile(updatedAtPath),
                extras);
    }

    /** Every field of a row, in column order. */
    public List<String> fields() {
        return fields;
    }

    /** Whether rows carry {@link RowFields#UPDATED_AT}. */
    public boolean hasUpdatedAt() {
        return updatedAt != null;
    }

    /** Adds the configured fields of {@code record} to {@code row}. */
    void fill(JsonNode record, Map<String, Object> row) {
        if (updatedAt != null) {
            Instant at = RecordTime.parse(updatedAt.read(record));
            row.put(RowFields.UPDATED_AT, at == null ? null : Timestamp.from(at));
        }
        extras.forEach((name, path) -> row.put(name, text(path.read(record))));
    }

    /** The extra column names, in order. */
    public List<String> extraColumns() {
        return List.copyOf(extras.keySet());
    }

    private static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
