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
 * record's JSON and when it was fetched (the named parameters of the JDBC upsert).
 */
public final class RecordRows {

    /** Row field holding the record key. */
    public static final String KEY = "record_key";

    private final String source;
    private final RecordKey key;
    private final ObjectMapper mapper;

    public RecordRows(String source, RecordKey key, ObjectMapper mapper) {
        this.source = source;
        this.key = key;
        this.mapper = mapper;
    }

    public List<Map<String, Object>> rows(List<JsonNode> records) {
        Timestamp fetchedAt = new Timestamp(System.currentTimeMillis());
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            String json = json(record);
            Map<String, Object> row = new HashMap<>(8);
            row.put("source", source);
            row.put(KEY, key.of(record, json));
            row.put("payload", json);
            row.put("fetched_at", fetchedAt);
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
