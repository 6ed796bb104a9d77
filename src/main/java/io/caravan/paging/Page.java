package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.request.PageRequest;
import java.util.List;
import java.util.Map;

/**
 * One page as received: the request that fetched it, its response headers, its parsed body (without
 * its records where they were streamed) and what its records came to.
 *
 * @param request    the request sent
 * @param headers    the response headers (a case-insensitive map)
 * @param body       the parsed response body
 * @param records    how many records of the page are new to the pass
 * @param lastRecord the last of them, or {@code null} on an empty page
 * @param dropped    records of the body dropped as the boundary an inclusive keyset repeats
 */
public record Page(PageRequest request, Map<String, Object> headers, JsonNode body, int records, JsonNode lastRecord,
        int dropped) {

    /** A page of which every record in {@code records} is new. */
    public Page(PageRequest request, Map<String, Object> headers, JsonNode body, List<JsonNode> records) {
        this(request, headers, body, records.size(), records.isEmpty() ? null : records.get(records.size() - 1), 0);
    }

    /** How many records the API returned on this page, a repeated boundary included: what a short page is measured by. */
    public int received() {
        return records + dropped;
    }

    /** A response header's value, or {@code null} when absent. */
    public String header(String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
