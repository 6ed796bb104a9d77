package io.caravan.sandbox;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.StringJoiner;

/**
 * GitHub style: {@code page} (1-based) and {@code per_page} (default 30, at most 100), a bare JSON
 * array, and an RFC 8288 {@code Link} header whose {@code rel="next"} is absent on the last page.
 */
final class GitHubContract extends Contract {

    GitHubContract() {
        super("/github/repos/caravan/demo/issues", "per_page", 30);
    }

    @Override
    SandboxResponse serve(String requestUrl, Map<String, String> query, DataSet data, Knobs knobs) {
        int number = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1")));
        int lastPage = Math.max(1, (data.size() + knobs.pageSize() - 1) / knobs.pageSize());
        PageSlice slice = PageSlice.of(data, (number - 1) * knobs.pageSize(), knobs.pageSize(), knobs.overlap());
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * knobs.pageSize() + 16);
        slice.writeArray(out);
        StringJoiner link = new StringJoiner(", ");
        if (number > 1) {
            link.add(rel(requestUrl, number - 1, "prev"));
        }
        if (number < lastPage) {
            link.add(rel(requestUrl, number + 1, "next"));
        }
        link.add(rel(requestUrl, lastPage, "last"));
        link.add(rel(requestUrl, 1, "first"));
        return SandboxResponse.json(out.toByteArray()).withHeader("Link", link.toString());
    }

    private static String rel(String requestUrl, int page, String rel) {
        return "<" + Links.withParam(requestUrl, "page", page) + ">; rel=\"" + rel + "\"";
    }
}
