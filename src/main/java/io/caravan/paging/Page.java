package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.request.PageRequest;
import java.util.List;
import java.util.function.Function;

/**
 * One page as received: the request that fetched it, its response headers, its parsed body and
 * the records selected from it.
 *
 * @param request the request sent
 * @param header  response header by name (case-insensitive), {@code null} when absent
 * @param body    the parsed response body
 * @param records the records selected from the body, in order
 */
public record Page(PageRequest request, Function<String, String> header, JsonNode body, List<JsonNode> records) {

    /** The last record of the page, or {@code null} on an empty page. */
    public JsonNode lastRecord() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }
}
