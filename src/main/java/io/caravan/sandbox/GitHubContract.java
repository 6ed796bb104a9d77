package io.caravan.sandbox;

import java.util.StringJoiner;

/**
 * GitHub style: {@code page} (1-based) and {@code per_page} (default 30, at most 100), a bare JSON
 * array, and an RFC 8288 {@code Link} header whose {@code rel="next"} is absent on the last page.
 * Knobs: {@code total_header} adds the record count as {@code X-Total-Count}; {@code no_link} leaves
 * the Link header out (as an API does for a page size it does not support).
 */
class GitHubContract extends Contract {

    GitHubContract() {
        this("/github/repos/caravan/demo/issues");
    }

    GitHubContract(String path) {
        super(path, "per_page", 30);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        int number = Math.max(1, intParam(request.params(), "page", 1));
        int lastPage = Math.max(1, (data.size() + knobs.pageSize() - 1) / knobs.pageSize());
        PageSlice slice = PageSlice.of(data, (number - 1) * knobs.pageSize(), knobs);
        StringJoiner link = new StringJoiner(", ");
        if (number > 1) {
            link.add(rel(request.url(), number - 1, "prev"));
        }
        if (slice.hasMore()) {
            link.add(rel(request.url(), slice.nextPageNumber(number), "next"));
        }
        link.add(rel(request.url(), lastPage, "last"));
        link.add(rel(request.url(), 1, "first"));
        SandboxResponse page = page("", slice, "");
        if (request.params().containsKey("total_header")) {
            page = page.withHeader("X-Total-Count", Integer.toString(data.size()));
        }
        return request.params().containsKey("no_link") ? page : page.withHeader("Link", link.toString());
    }

    private static String rel(String requestUrl, int page, String rel) {
        return "<" + Links.withParam(requestUrl, "page", page) + ">; rel=\"" + rel + "\"";
    }
}
