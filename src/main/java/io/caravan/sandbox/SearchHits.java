package io.caravan.sandbox;

/**
 * A page of the search API's hits, as its search and its scroll answer it: a
 * total that is exact up to 10,000 and a lower bound past that, and the scroll id when scrolling.
 */
final class SearchHits {

    /** The largest total the API counts exactly. */
    static final int TRACK_TOTAL_HITS = 10_000;

    private SearchHits() {
    }

    static SandboxResponse page(DataSet data, PageSlice slice, String scrollId) {
        boolean exact = data.size() <= TRACK_TOTAL_HITS;
        String total = "{\"value\":" + (exact ? data.size() : TRACK_TOTAL_HITS) + ",\"relation\":\""
                + (exact ? "eq" : "gte") + "\"}";
        return Contract.page((scrollId == null ? "{" : "{\"_scroll_id\":" + Contract.quoted(scrollId) + ",")
                + "\"hits\":{\"total\":" + total + ",\"hits\":", slice, "}}");
    }
}
