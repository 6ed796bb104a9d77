package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Notion style: POST with {@code page_size} and {@code start_cursor} in the JSON body;
 * {@code has_more} and {@code next_cursor} (null at the end).
 */
final class NotionContract extends Contract {

    NotionContract() {
        super("/notion/v1/databases/caravan/query", "page_size", 100);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        return withCursor(withBodyField(query, body, "page_size"),
                body.hasNonNull("start_cursor") ? body.get("start_cursor").asText() : null);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        if (!request.method().equals("POST")) {
            return SandboxResponse.error(405, "use POST");
        }
        PageSlice slice = PageSlice.of(data, intParam(request.params(), "start", 0), knobs);
        String next = slice.hasMore() ? quoted(OpaqueCursor.at(slice.next(), request.params(), "page_size")) : "null";
        return page("{\"object\":\"list\",\"results\":", slice, ",\"has_more\":" + slice.hasMore()
                + ",\"next_cursor\":" + next + "}");
    }
}
