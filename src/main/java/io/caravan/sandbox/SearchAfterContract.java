package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Elasticsearch-style search paged by {@code search_after}: POST a JSON body with {@code size} and
 * {@code search_after}, the {@code sort} array of the last hit (here {@code [updated_at millis, id]}).
 * Hits are {@code {"_id", "_source": record, "sort": [...]}} under {@code hits.hits}; the total is
 * exact up to 10,000 and a lower bound past that. {@code from} + {@code size} past 10,000 is refused
 * (the result window), so only {@code search_after} reaches the rest; a {@code search_after} that is not
 * an array of two numbers is refused as Elasticsearch refuses it.
 */
final class SearchAfterContract extends Contract {

    private static final int RESULT_WINDOW = 10_000;

    SearchAfterContract() {
        super("/es/caravan/_search", "size", 10);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        Map<String, String> params = new LinkedHashMap<>(withBodyField(query, body, "size"));
        params.remove("search_after");
        return params;
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        if (!request.method().equals("POST")) {
            return SandboxResponse.error(405, "use POST with a JSON body");
        }
        JsonNode body = request.body();
        int from = body.path("from").asInt(0);
        if (from + knobs.pageSize() > RESULT_WINDOW) {
            return SandboxResponse.error(400, "Result window is too large, from + size must be less than or equal to: ["
                    + RESULT_WINDOW + "] but was [" + (from + knobs.pageSize()) + "]; use search_after");
        }
        int start = from;
        JsonNode after = body.get("search_after");
        if (after != null) {
            if (!after.isArray() || after.size() != 2) {
                return SandboxResponse.error(400, "[search_after] must be an array of 2 sort values, not " + after);
            }
            for (int i = 0; i < 2; i++) {
                if (!after.get(i).isIntegralNumber()) {
                    return SandboxResponse.error(400, "Unknown key for a " + (after.get(i).isTextual() ? "VALUE_STRING"
                            : after.get(i).getNodeType()) + " in [search_after][" + i + "]: sort values are numbers");
                }
            }
            if (from != 0) {
                return SandboxResponse.error(400, "[from] parameter must be set to 0 when [search_after] is used");
            }
            start = data.indexAfterId(after.get(1).asLong());
        }
        PageSlice slice = PageSlice.of(data, start, knobs);
        boolean exact = data.size() <= SearchHits.TRACK_TOTAL_HITS;
        String total = "{\"value\":" + (exact ? data.size() : SearchHits.TRACK_TOTAL_HITS) + ",\"relation\":\""
                + (exact ? "eq" : "gte") + "\"}";
        return page("{\"took\":1,\"timed_out\":false,\"hits\":{\"total\":" + total + ",\"max_score\":null,\"hits\":",
                slice, (out, index) -> {
                    long id = data.id(index);
                    write(out, "{\"_index\":\"caravan\",\"_id\":\"" + id + "\",\"_score\":null,\"_source\":");
                    out.writeBytes(data.json(index));
                    write(out, ",\"sort\":[" + data.updatedAtSeconds(index) * 1000 + "," + id + "]}");
                }, "}}");
    }
}
