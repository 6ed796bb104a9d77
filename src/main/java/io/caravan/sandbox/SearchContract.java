package io.caravan.sandbox;

/**
 * A search API in Elasticsearch's style: {@code from} / {@code size}, hits under {@code hits.hits},
 * and a total that is exact up to 10,000 and past that a lower bound
 * ({@code "total": {"value": 10000, "relation": "gte"}}). With {@code scroll} in the query it opens a
 * scroll: the first page and every page of {@link ScrollContract} carry the same {@code _scroll_id}.
 */
final class SearchContract extends Contract {

    SearchContract() {
        super("/search/_search", "size", 10);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        int from = intParam(request.params(), "from", 0);
        PageSlice slice = PageSlice.of(data, from, knobs);
        String scroll = request.params().containsKey("scroll") ? ScrollContract.open(slice.to(), request.params()) : null;
        return SearchHits.page(data, slice, scroll);
    }
}
