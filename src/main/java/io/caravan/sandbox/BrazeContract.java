package io.caravan.sandbox;

/**
 * Braze style: 0-based {@code page} of a fixed size (100; the sandbox knob {@code page_size} changes
 * it), no totals: the last page is the first one that comes back short.
 */
final class BrazeContract extends Contract {

    BrazeContract() {
        super("/braze/campaigns/list", "page_size", 100);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        int number = Math.max(0, intParam(request.params(), "page", 0));
        PageSlice slice = PageSlice.of(data, number * knobs.pageSize(), knobs);
        return page("{\"campaigns\":", slice, ",\"message\":\"success\"}");
    }
}
