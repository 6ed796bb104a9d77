package io.caravan.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How each sandbox contract is configured as a Caravan source: the template parameters, and the
 * page size it is asked for.
 */
public enum SandboxContract {

    HELPSCOUT(50, Map.of(
            "url", "%s/helpscout/v2/conversations?records=%d&page_size=50",
            "pagination", "pageNumber",
            "recordsPath", "$._embedded.conversations",
            "totalPagesPath", "$.page.totalPages")),
    STRIPE(100, Map.of(
            "url", "%s/stripe/v1/customers?records=%d",
            "pagination", "lastRecordCursor",
            "cursorParam", "starting_after",
            "pageSizeParam", "limit",
            "pageSize", "100",
            "recordsPath", "$.data",
            "hasMorePath", "$.has_more")),
    GITHUB(100, Map.of(
            "url", "%s/github/repos/caravan/demo/issues?records=%d",
            "pagination", "linkHeader",
            "pageSizeParam", "per_page",
            "pageSize", "100",
            "recordsPath", "$"));

    private final int pageSize;
    private final Map<String, String> parameters;

    SandboxContract(int pageSize, Map<String, String> parameters) {
        this.pageSize = pageSize;
        this.parameters = parameters;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Template parameters for a source reading {@code records} records (plus extra query knobs) from the sandbox. */
    public Map<String, String> parameters(String sandboxUrl, int records, String extraQuery) {
        Map<String, String> params = new LinkedHashMap<>(parameters);
        params.put("url", String.format(params.get("url"), sandboxUrl, records) + extraQuery);
        params.put("keyPath", "$.id");
        return params;
    }

    /** Pages a complete run fetches: at least one, even for an empty data set. */
    public long expectedPages(int records) {
        return Math.max(1, (records + pageSize - 1) / pageSize);
    }
}
