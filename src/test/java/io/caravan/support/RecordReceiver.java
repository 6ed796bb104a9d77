package io.caravan.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A sink bean for Kamelet routes: collects the JSON of every record sent to it ({@code bean: ref … method: add}). */
public final class RecordReceiver {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

    public void add(String json) {
        received.add(json);
    }

    /** What arrived, by each record's numeric {@code id}; {@code rows} counts repeats too. */
    public LandedData landed() throws IOException {
        Map<Long, String> byId = new TreeMap<>();
        for (String json : received) {
            byId.put(MAPPER.readTree(json).get("id").asLong(), LandedData.canonical(json));
        }
        return new LandedData(received.size(), byId);
    }
}
