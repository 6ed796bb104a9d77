package io.caravan.sandbox;

/**
 * A search API in Elasticsearch's style: {@code from} / {@code size}, hits under {@code hits.hits},
 * and a total that is exact up to 10,000 and past that a lower bound
 * ({@code "total": {"value": 10000, "relation": "gte"}}). With {@code scroll} in the query it opens a
 * scroll: the first page and every page of {@link ScrollContract} carry the same {@code _scroll_id}.
 */
final class SearchContract extends Contract {

    /** The largest total the API counts exactly. */
    static final int TRACK_TOTAL_HITS = 10_000;

    SearchContract() {
        super("/search/_search", "size", 10);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        int from = intParam(request.params(), "from", 0);
        PageSlice slice = PageSlice.of(data, from, knobs);
        String scroll = request.params().containsKey("scroll") ? ScrollContract.open(slice.to(), request.params()) : null;
        return hits(data, slice, scroll);
    }

    /** A page of hits with the total, and the scroll id when scrolling. */
    static SandboxResponse hits(DataSet data, PageSlice slice, String scrollId) {
        boolean exact = data.size() <= TRACK_TOTAL_HITS;
        String total = "{\"value\":" + (exact ? data.size() : TRACK_TOTAL_HITS) + ",\"relation\":\""
                + (exact ? "eq" : "gte") + "\"}";
        return page((scrollId == null ? "{" : "{\"_scroll_id\":" + quoted(scrollId) + ",") + "\"hits\":{\"total\":"
                + total + ",\"hits\":", slice, "}}");
    }
}
