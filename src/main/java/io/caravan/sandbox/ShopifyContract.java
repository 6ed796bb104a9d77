package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Shopify style: {@code limit} and filters on the first request only; then {@code Link} header
 * {@code rel="next"} with an opaque {@code page_info}, which may not be combined with any filter.
 */
final class ShopifyContract extends Contract {

    private static final Set<String> ALLOWED_WITH_PAGE_INFO = Set.of("page_info", "limit", "fields");

    ShopifyContract() {
        super("/shopify/admin/api/2024-01/products.json", "limit", 50);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        if (query.containsKey("page_info")) {
            for (String name : query.keySet()) {
                if (!ALLOWED_WITH_PAGE_INFO.contains(name)) {
                    throw new IllegalArgumentException("page_info cannot be combined with " + name);
                }
            }
        }
        return withCursor(query, query.get("page_info"));
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        PageSlice slice = PageSlice.of(data, intParam(request.params(), "start", 0), knobs);
        SandboxResponse response = page("{\"products\":", slice, "}");
        if (!slice.hasMore()) {
            return response;
        }
        String base = request.url().substring(0, request.url().indexOf(request.path()) + request.path().length());
        String pageInfo = URLEncoder.encode(OpaqueCursor.at(slice.next(), request.params(), "limit"), StandardCharsets.UTF_8);
        return response.withHeader("Link", "<" + base + "?limit=" + knobs.pageSize() + "&page_info=" + pageInfo
                + ">; rel=\"next\"");
    }
}
