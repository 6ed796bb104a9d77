package io.caravan.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the records of a page into the rows a sink receives: the source, the record key, the
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

    /** One row per record of page number {@code page}, in order. */
    public List<Map<String, Object>> rows(List<JsonNode> records, int page) {
        Timestamp fetchedAt = new Timestamp(System.currentTimeMillis());
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            String json = json(record);
            Map<String, Object> row = new HashMap<>(8);
            row.put(RowFields.SOURCE, source);
            row.put(RowFields.KEY, key.of(source, record, json));
            row.put(RowFields.PAYLOAD, json);
            row.put(RowFields.FETCHED_AT, fetchedAt);
            row.put(RowFields.PAGE, page);
            layout.fill(record, row);
            rows.add(row);
        }
        return rows;
    }

    private String json(JsonNode record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
