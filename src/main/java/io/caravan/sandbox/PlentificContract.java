package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plentific style: {@code offset} and {@code limit} sent as request headers; the end is an empty page. */
final class PlentificContract extends Contract {

    PlentificContract() {
        super("/plentific/api/v2/jobs", "limit", 20);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        Map<String, String> params = new LinkedHashMap<>(query);
        for (String name : new String[] {"offset", "limit"}) {
            if (headers.containsKey(name)) {
                params.put(name, headers.get(name));
            }
        }
        return params;
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        PageSlice slice = PageSlice.of(data, intParam(request.params(), "offset", 0), knobs);
        return page("{\"data\":", slice, ",\"count\":" + data.size() + "}");
    }
}
