package io.caravan.sandbox;

import java.util.Map;

/**
 * Per-request settings of the sandbox, read from the query string so that they travel with every
 * page of a run (a real client re-sends its query, and next links carry it).
 *
 * @param records     size of the data set
 * @param seed        seed of the data set
 * @param pageSize    records per page asked by the client (clamped to {@code maxPageSize})
 * @param maxPageSize the largest page the server will serve
 * @param overlap     records of the previous page repeated at the start of each later page
 * @param latencyMs   delay before each response
 * @param endless     the data never runs out (ids wrap around)
 * @param repeatCursor the API hands out the current position again as the next one
 * @param resultWindow the most records a query pages through (as search APIs stop at 10,000); 0: no limit
 */
public record Knobs(int records, long seed, int pageSize, int maxPageSize, int overlap, int latencyMs,
        boolean endless, boolean repeatCursor, int resultWindow) {

    /** Reads the knobs from query parameters, with {@code pageSizeParam} naming the contract's page-size parameter. */
    public static Knobs from(Map<String, String> query, String pageSizeParam, int defaultPageSize) {
        int max = intParam(query, "max_page_size", 100);
        int asked = intParam(query, pageSizeParam, defaultPageSize);
        return new Knobs(
                intParam(query, "records", 1_000),
                Long.parseLong(query.getOrDefault("seed", "42")),
                Math.max(1, Math.min(asked, max)),
                max,
                intParam(query, "overlap", 0),
                intParam(query, "latency_ms", 0),
                Boolean.parseBoolean(query.get("endless")),
                Boolean.parseBoolean(query.get("repeat_cursor")),
                intParam(query, "result_window", 0));
    }

    private static int intParam(Map<String, String> query, String name, int defaultValue) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? defaultValue : Integer.parseInt(value);
    }
}
