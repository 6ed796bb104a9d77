package io.caravan.sandbox;

/** Freshdesk style: {@code page} / {@code per_page}, a bare array, and no metadata: the end is an empty page. */
final class FreshdeskContract extends Contract {

    FreshdeskContract() {
        super("/freshdesk/api/v2/tickets", "per_page", 30);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        int number = Math.max(1, intParam(request.params(), "page", 1));
        return page("", PageSlice.of(data, (number - 1) * knobs.pageSize(), knobs), "");
    }
}
