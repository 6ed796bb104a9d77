package io.caravan.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns each record of a page into the row a sink receives: the source, the record key, the
 * record's JSON, when it was fetched, and the fields of the {@link RowLayout}.
 */
public final class RecordRows {

    private final String source;
    private final RecordKey key;
    private final RowLayout layout;
    private final ObjectMapper mapper;

    public RecordRows(String source, RecordKey key, RowLayout layout, ObjectMapper mapper) {
        this.source = source;
        this.key = key;
        this.layout = layout;
        this.mapper = mapper;
    }

    /** The row of {@code record}, of page number {@code page}, fetched at {@code fetchedAt}. */
    public Map<String, Object> row(JsonNode record, int page, Timestamp fetchedAt) {
        String json = json(record);
        Map<String, Object> row = new HashMap<>(8);
        row.put(RowFields.SOURCE, source);
        row.put(RowFields.KEY, key.of(source, record, json));
        row.put(RowFields.PAYLOAD, json);
        row.put(RowFields.FETCHED_AT, fetchedAt);
        row.put(RowFields.PAGE, page);
        layout.fill(record, row);
        return row;
    }

    private String json(JsonNode record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
