package io.caravan.support;

import io.caravan.sandbox.DataSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The route file of a backfill of 30 daily slices of the sandbox's HubSpot contacts (1,440 records a
 * day, 15 pages of 100) that replicas share ({@code sharePass}), with the pages each slice has, keyed
 * by its start as its requests write it.
 *
 * @param source      the source's name, also its table
 * @param latencyMs   the sandbox's answer time per request
 * @param concurrency slices each replica fetches at once
 * @param perSecond   the host's budget across every replica
 * @param leaseMs     how long a replica's lease on a slice lasts unrenewed
 */
public record SharedBackfillRoute(String source, int latencyMs, int concurrency, int perSecond, int leaseMs) {

    /** The range's start. */
    public static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    /** The slices. */
    public static final int DAYS = 30;
    /** The records of the data set: 30 days of one a minute, and a little more. */
    public static final int RECORDS = 44_000;

    /** The route file's text. */
    public String yaml() {
        return """
                - templatedRoute:
                    routeTemplateRef: caravan-paginated-http
                    routeId: %1$s
                    parameters:
                      - name: source
                        value: %1$s
                      - name: keyPath
                        value: $.id
                      - name: table
                        value: %1$s
                      - name: url
                        value: "{{caravan.sandbox.url}}/hubspot/crm/v3/objects/contacts?records=%2$d&limit=100&latency_ms=%3$d"
                      - name: pagination
                        value: bodyCursor
                      - name: cursorPath
                        value: $.paging.next.after
                      - name: cursorParam
                        value: after
                      - name: recordsPath
                        value: $.results
                      - name: sliceFrom
                        value: "%4$s"
                      - name: sliceUntil
                        value: "%5$s"
                      - name: sliceStep
                        value: P1D
                      - name: concurrency
                        value: "%6$d"
                      - name: batchSize
                        value: "100"
                      - name: requestsPerSecond
                        value: "%7$d"
                      - name: sharePass
                        value: "true"
                      - name: sessionLeaseMs
                        value: "%8$d"
                """.formatted(source, RECORDS, latencyMs, FROM, FROM.plus(Duration.ofDays(DAYS)), concurrency, perSecond, leaseMs);
    }

    /** The slice a request URI asks for: its start, as written in the request. */
    public static String sliceOf(String uri) {
        return uri.substring(uri.indexOf("since=") + "since=".length()).split("&")[0];
    }

    /** A slice's start as its requests write it, from its checkpoint row's name ({@code source/from..until}). */
    public static String sliceOfRow(String row) {
        return row.substring(row.indexOf('/') + 1, row.indexOf("..")).replace(":", "%3A");
    }

    /** The records the backfill lands. */
    public static DataSet expected(DataSet data) {
        return data.view(FROM, FROM.plus(Duration.ofDays(DAYS)), false);
    }

    /** The pages of each daily slice, by its start as its requests write it. */
    public static Map<String, Long> dailyPages(DataSet data) {
        Map<String, Long> pages = new HashMap<>();
        for (int day = 0; day < DAYS; day++) {
            Instant start = FROM.plus(Duration.ofDays(day));
            pages.put(start.toString().replace(":", "%3A"),
                    (long) Math.max(1, (data.view(start, start.plus(Duration.ofDays(1)), false).size() + 99) / 100));
        }
        return pages;
    }
}
