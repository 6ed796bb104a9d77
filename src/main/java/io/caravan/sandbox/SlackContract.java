package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Slack style: {@code cursor} / {@code limit}, {@code response_metadata.next_cursor} empty at the end. */
final class SlackContract extends Contract {

    SlackContract() {
        super("/slack/api/conversations.history", "limit", 100);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        return withCursor(query, query.get("cursor"));
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        PageSlice slice = PageSlice.of(data, intParam(request.params(), "start", 0), knobs);
        String next = slice.hasMore() ? OpaqueCursor.at(slice.next(), request.params(), "limit") : "";
        return page("{\"ok\":true,\"messages\":", slice, ",\"has_more\":" + slice.hasMore()
                + ",\"response_metadata\":{\"next_cursor\":" + quoted(next) + "}}");
    }
}
