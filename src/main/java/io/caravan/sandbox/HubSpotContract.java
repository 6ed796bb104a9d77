package io.caravan.sandbox;

/**
 * HubSpot style: {@code limit} / {@code after}, {@code paging.next.after}; {@code paging} absent at the
 * end; {@code total} counts the query's records (as HubSpot's search does).
 */
final class HubSpotContract extends Contract {

    HubSpotContract() {
        super("/hubspot/crm/v3/objects/contacts", "limit", 10);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        PageSlice slice = PageSlice.of(data, intParam(request.params(), "after", 0), knobs);
        String paging = slice.hasMore()
                ? ",\"paging\":{\"next\":{\"after\":\"" + slice.next() + "\",\"link\":"
                        + quoted(Links.withParam(request.url(), "after", slice.next())) + "}}"
                : "";
        return page("{\"total\":" + data.size() + ",\"results\":", slice, paging + "}");
    }
}
