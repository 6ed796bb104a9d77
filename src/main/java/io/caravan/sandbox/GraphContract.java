package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Microsoft Graph style: {@code $top}, records under {@code value}, {@code @odata.nextLink} absent at the end. */
final class GraphContract extends Contract {

    GraphContract() {
        super("/graph/v1.0/users", "$top", 100);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        return withCursor(query, query.get("$skiptoken"));
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        PageSlice slice = PageSlice.of(data, intParam(request.params(), "start", 0), knobs);
        String next = "";
        if (slice.hasMore()) {
            String token = URLEncoder.encode(OpaqueCursor.at(slice.next(), request.params(), "$top"), StandardCharsets.UTF_8);
            String base = request.url().substring(0, request.url().indexOf(request.path()) + request.path().length());
            next = ",\"@odata.nextLink\":" + quoted(base + "?$top=" + knobs.pageSize() + "&$skiptoken=" + token);
        }
        return page("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users\",\"value\":", slice,
                next + "}");
    }
}
