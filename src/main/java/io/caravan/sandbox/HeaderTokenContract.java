package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A token-in-headers API: the next page's token comes in the {@code X-Next-Page-Token} response header
 * (absent on the last page) and goes back in the {@code X-Page-Token} request header.
 */
final class HeaderTokenContract extends Contract {

    HeaderTokenContract() {
        super("/headertoken/v1/events", "limit", 100);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        return withCursor(query, headers.get("x-page-token"));
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        PageSlice slice = PageSlice.of(data, intParam(request.params(), "start", 0), knobs);
        SandboxResponse response = page("{\"events\":", slice, "}");
        return slice.hasMore()
                ? response.withHeader("X-Next-Page-Token", OpaqueCursor.at(slice.next(), request.params(), "limit"))
                : response;
    }
}
