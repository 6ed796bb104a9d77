package io.caravan.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.IntStream;

/**
 * A CouchDB view keyed by the record's title: {@code startkey} is JSON ({@code startkey="Record 12 …"},
 * quoted and escaped; a bare word is refused as CouchDB refuses it) and <em>inclusive</em>, so the row at
 * the key given comes first again; {@code limit}; rows {@code {"id", "key", "value", "doc"}} with the
 * record as {@code doc} ({@code include_docs=true}), in key order; {@code total_rows} and {@code offset}.
 */
final class CouchDbViewContract extends Contract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<DataSet, String[]> titles = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<DataSet, int[]> orders = Collections.synchronizedMap(new WeakHashMap<>());

    CouchDbViewContract() {
        super("/couchdb/caravan/_design/app/_view/by_title", "limit", 10);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        String[] title = titles.computeIfAbsent(data, CouchDbViewContract::titles);
        int[] order = orders.computeIfAbsent(data, d -> IntStream.range(0, d.size()).boxed()
                .sorted(Comparator.comparing(i -> title[i])).mapToInt(Integer::intValue).toArray());
        int start = 0;
        String startKey = request.params().get("startkey");
        if (startKey != null) {
            JsonNode key;
            try {
                key = JSON.readTree(startKey);
            } catch (JsonProcessingException e) {
                key = null;
            }
            if (key == null || !key.isTextual()) {
                return SandboxResponse.error(400, "{\"error\":\"bad_request\",\"reason\":\"invalid UTF-8 JSON\"}");
            }
            start = firstAtOrAfter(key.asText(), order, title);
        }
        boolean docs = Boolean.parseBoolean(request.params().get("include_docs"));
        PageSlice slice = PageSlice.of(data, start, knobs);
        return page("{\"total_rows\":" + data.size() + ",\"offset\":" + Math.min(start, data.size()) + ",\"rows\":",
                slice, (out, position) -> {
                    int index = order[position];
                    write(out, "{\"id\":\"" + data.id(index) + "\",\"key\":" + json(title[index]) + ",\"value\":null");
                    if (docs) {
                        write(out, ",\"doc\":");
                        out.writeBytes(data.json(index));
                    }
                    out.write('}');
                }, "}");
    }

    private static String[] titles(DataSet data) {
        String[] titles = new String[data.size()];
        Arrays.setAll(titles, i -> {
            try {
                return JSON.readTree(data.json(i)).get("title").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return titles;
    }

    private static String json(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int firstAtOrAfter(String key, int[] order, String[] title) {
        int low = 0;
        int high = order.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (title[order[mid]].compareTo(key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
