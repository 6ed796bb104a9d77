package io.caravan.sandbox;

/**
 * Jira style: {@code startAt} / {@code maxResults} / {@code total}; the server lowers
 * {@code maxResults} to 50 whatever is asked, so the offset must advance by the records returned.
 */
final class JiraContract extends Contract {

    private static final int SERVER_MAX = 50;

    JiraContract() {
        super("/jira/rest/api/3/search", "maxResults", 50);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        int startAt = intParam(request.params(), "startAt", 0);
        int size = Math.min(knobs.pageSize(), SERVER_MAX);
        PageSlice slice = PageSlice.of(data, startAt, size, knobs);
        return page("{\"startAt\":" + startAt + ",\"maxResults\":" + size + ",\"total\":" + data.size()
                + ",\"issues\":", slice, "}");
    }
}
