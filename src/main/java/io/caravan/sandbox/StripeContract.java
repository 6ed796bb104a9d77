package io.caravan.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stripe style: {@code limit} (default 10, at most 100) and {@code starting_after} = the id of the
 * last record received; the body is {@code {"object":"list","data":[…],"has_more":…}}.
 */
final class StripeContract extends Contract {

    StripeContract() {
        super("/stripe/v1/customers", "limit", 10);
    }

    @Override
    SandboxResponse serve(String requestUrl, Map<String, String> query, DataSet data, Knobs knobs) {
        String after = query.get("starting_after");
        int start = after == null ? 0 : data.indexAfterId(Long.parseLong(after));
        PageSlice slice = PageSlice.of(data, start, knobs.pageSize(), knobs.overlap());
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * knobs.pageSize() + 128);
        out.writeBytes("{\"object\":\"list\",\"url\":\"/v1/customers\",\"data\":".getBytes(StandardCharsets.UTF_8));
        slice.writeArray(out);
        out.writeBytes((",\"has_more\":" + slice.hasMore() + "}").getBytes(StandardCharsets.UTF_8));
        return SandboxResponse.json(out.toByteArray());
    }
}
