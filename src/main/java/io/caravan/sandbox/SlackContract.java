package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slack style: {@code cursor} / {@code limit}, {@code response_metadata.next_cursor} empty at the end.
 * Knob {@code empty_page_at=N}: the page starting at record N first comes back empty, with a cursor
 * to carry on from (Slack does this), so a client must not take an empty page for the end.
 */
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
        int start = intParam(request.params(), "start", 0);
        if (start == intParam(request.params(), "empty_page_at", -1) && !request.params().containsKey("past_empty")) {
            Map<String, String> marked = new LinkedHashMap<>(request.params());
            marked.put("past_empty", "1");
            return page("{\"ok\":true,\"messages\":", new PageSlice(data, start, start, start, false, false),
                    ",\"has_more\":true,\"response_metadata\":{\"next_cursor\":"
                            + quoted(OpaqueCursor.at(start, marked, "limit")) + "}}");
        }
        PageSlice slice = PageSlice.of(data, start, knobs);
        String next = slice.hasMore() ? OpaqueCursor.at(slice.next(), request.params(), "limit") : "";
        return page("{\"ok\":true,\"messages\":", slice, ",\"has_more\":" + slice.hasMore()
                + ",\"response_metadata\":{\"next_cursor\":" + quoted(next) + "}}");
    }
}
