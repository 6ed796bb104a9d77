package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Zoom style: {@code page_size}, opaque {@code next_page_token}, an empty string on the last page. */
final class ZoomContract extends Contract {

    ZoomContract() {
        super("/zoom/v2/users", "page_size", 30);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        return withCursor(query, query.get("next_page_token"));
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        PageSlice slice = PageSlice.of(data, intParam(request.params(), "start", 0), knobs);
        String next = slice.hasMore() ? OpaqueCursor.at(slice.next(), request.params(), "page_size") : "";
        return page("{\"page_size\":" + knobs.pageSize() + ",\"total_records\":" + data.size()
                + ",\"next_page_token\":" + quoted(next) + ",\"users\":", slice, "}");
    }
}
