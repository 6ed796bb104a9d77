package io.caravan.sandbox;

import java.util.Map;

/**
 * The faults a sandbox request asks for, read from its query string: fractions of responses that
 * fail in each way a real API fails, and shapes of hostile bodies.
 *
 * @param serverErrors fraction answered 500 or 503
 * @param rateLimited  fraction answered 429 (or {@code rateLimitStatus}) with {@code Retry-After}, as
 *                     delta-seconds and as an HTTP-date in turn
 * @param malformed    fraction whose JSON body is cut off (status 200)
 * @param html         fraction answered with an HTML error page (status 200)
 * @param dropped      fraction whose connection is closed without a response
 * @param slow         fraction delayed by {@code slowMs} before answering
 * @param slowMs       how long a slow response waits
 * @param padBytes     bytes of padding added to every page body (a huge body)
 * @param nestDepth    depth of nested arrays added to every page body (0: none)
 * @param rateLimitStatus the status of a rate-limit answer (429 unless set, e.g. 403 as GitHub)
 * @param retryAfterSeconds how long a rate-limit answer asks to wait
 */
public record ResponseFaults(double serverErrors, double rateLimited, double malformed, double html, double dropped,
        double slow, int slowMs, int padBytes, int nestDepth, int rateLimitStatus, int retryAfterSeconds) {

    /** Reads the faults from query parameters ({@code fail_rate}, {@code rate_limit_rate}, …). */
    public static ResponseFaults from(Map<String, String> query) {
        return new ResponseFaults(fraction(query, "fail_rate"), fraction(query, "rate_limit_rate"),
                fraction(query, "malformed_rate"), fraction(query, "html_rate"), fraction(query, "drop_rate"),
                fraction(query, "slow_rate"), count(query, "slow_ms"), count(query, "pad_bytes"),
                count(query, "nest_depth"), Integer.parseInt(query.getOrDefault("rate_limit_status", "429")),
                Integer.parseInt(query.getOrDefault("retry_after_s", "1")));
    }

    private static double fraction(Map<String, String> query, String name) {
        return Double.parseDouble(query.getOrDefault(name, "0"));
    }

    private static int count(Map<String, String> query, String name) {
        return Integer.parseInt(query.getOrDefault(name, "0"));
    }
}
