package io.caravan.sandbox;

/**
 * Stripe style: {@code limit} (default 10, at most 100) and {@code starting_after} = the id of the
 * last record received; the body is {@code {"object":"list","data":[…],"has_more":…}}.
 */
final class StripeContract extends Contract {

    StripeContract() {
        super("/stripe/v1/customers", "limit", 10);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        String after = request.params().get("starting_after");
        int start = after == null ? 0 : data.indexAfterId(Long.parseLong(after));
        PageSlice slice = PageSlice.of(data, start, knobs);
        return page("{\"object\":\"list\",\"url\":\"/v1/customers\",\"data\":", slice,
                ",\"has_more\":" + slice.hasMore() + "}");
    }
}
