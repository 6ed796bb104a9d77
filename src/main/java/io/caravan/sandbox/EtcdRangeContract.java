package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * etcd's v3 JSON gateway range: POST {@code {"key": base64, "range_end": base64, "limit": n}}; the
 * answer starts <em>at</em> {@code key} (inclusive), its {@code kvs} carry base64 keys
 * ({@code caravan/00000001} …) and base64 values (the record's JSON), and, as protobuf's JSON leaves
 * out default values, {@code more} is omitted when false, {@code kvs} when empty, and {@code count} (the
 * keys in the range from {@code key}) is a string. The exact next key is the last one plus a zero byte.
 */
final class EtcdRangeContract extends Contract {

    private static final String PREFIX = "caravan/";

    EtcdRangeContract() {
        super("/etcd/v3/kv/range", "limit", 10);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        return withBodyField(query, body, "limit");
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        if (!request.method().equals("POST")) {
            return SandboxResponse.error(405, "use POST with a JSON body");
        }
        JsonNode key = request.body().get("key");
        if (key == null || !key.isTextual()) {
            return SandboxResponse.error(400, "key is not provided");
        }
        String from;
        try {
            from = new String(Base64.getDecoder().decode(key.asText()), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return SandboxResponse.error(400, "key is not base64");
        }
        int start = firstAtOrAfter(from, data.size());
        PageSlice slice = PageSlice.of(data, start, knobs);
        StringBuilder head = new StringBuilder("{\"header\":{\"cluster_id\":\"14841639068965178418\",\"member_id\":"
                + "\"10276657743932975437\",\"revision\":\"" + (data.size() + 1) + "\",\"raft_term\":\"2\"}");
        String tail = (slice.hasMore() ? ",\"more\":true" : "") + ",\"count\":\"" + Math.max(0, data.size() - start) + "\"}";
        if (slice.to() == slice.from()) {
            return SandboxResponse.json((head + tail).getBytes(StandardCharsets.UTF_8));
        }
        Base64.Encoder base64 = Base64.getEncoder();
        return page(head + ",\"kvs\":", slice, (out, index) -> {
            String revision = Integer.toString(index + 2);
            write(out, "{\"key\":\"" + base64.encodeToString(key(index).getBytes(StandardCharsets.ISO_8859_1))
                    + "\",\"create_revision\":\"" + revision + "\",\"mod_revision\":\"" + revision
                    + "\",\"version\":\"1\",\"value\":\"" + base64.encodeToString(data.json(index)) + "\"}");
        }, tail);
    }

    /** The key of the record at {@code index}. */
    private static String key(int index) {
        return PREFIX + String.format("%08d", index + 1);
    }

    /** The index of the first key at or after {@code from}, keys ordered byte by byte. */
    private static int firstAtOrAfter(String from, int size) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (key(mid).compareTo(from) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
