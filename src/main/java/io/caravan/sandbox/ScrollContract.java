package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scroll of the search API ({@code /search/_search?scroll=…}): {@code scroll_id} in the query or the JSON body, the next page
 * of hits each time, and the same {@code _scroll_id} on every page (the server keeps the position).
 * The end is a page without hits.
 */
final class ScrollContract extends Contract {

    private static final Map<String, Scroll> SCROLLS = new ConcurrentHashMap<>();

    ScrollContract() {
        super("/search/_search/scroll", "size", 10);
    }

    /** Opens a scroll of the search asked with {@code params}, whose next page starts at {@code next}; its id. */
    static String open(int next, Map<String, String> params) {
        String id = UUID.randomUUID().toString();
        SCROLLS.put(id, new Scroll(next, Map.copyOf(params)));
        return id;
    }

    /** The search's own parameters (data set, page size, knobs) under the scroll's, found by its id. */
    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        Map<String, String> asked = withBodyField(query, body, "scroll_id");
        Scroll scroll = asked.get("scroll_id") == null ? null : SCROLLS.get(asked.get("scroll_id"));
        if (scroll == null) {
            return asked;
        }
        Map<String, String> merged = new LinkedHashMap<>(scroll.search);
        merged.putAll(asked);
        return merged;
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        String id = request.params().get("scroll_id");
        Scroll scroll = id == null ? null : SCROLLS.get(id);
        if (scroll == null) {
            return SandboxResponse.error(404, "no such scroll: " + id);
        }
        synchronized (scroll) {
            PageSlice slice = PageSlice.of(data, scroll.next, knobs);
            scroll.next = slice.to();
            return SearchHits.page(data, slice, id);
        }
    }

    /** Where an open scroll stands, and the parameters of the search it scrolls. */
    private static final class Scroll {

        private final Map<String, String> search;
        private int next;

        Scroll(int next, Map<String, String> search) {
            this.next = next;
            this.search = search;
        }
    }
}
