package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.request.PageRequest;
import java.util.List;
import java.util.Map;

/**
 * One page as received: the request that fetched it, its response headers, its parsed body and
 * the records selected from it.
 *
 * @param request the request sent
 * @param headers the response headers (a case-insensitive map)
 * @param body    the parsed response body
 * @param records the records selected from the body, in order
 */
public record Page(PageRequest request, Map<String, Object> headers, JsonNode body, List<JsonNode> records) {

    /** A response header's value, or {@code null} when absent. */
    public String header(String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }

    /** The last record of the page, or {@code null} on an empty page. */
    public JsonNode lastRecord() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }
}
