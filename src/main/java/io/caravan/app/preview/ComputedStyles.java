package io.caravan.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The styles whose next request Caravan computes from the page: the last record's key behind a
 * has-more flag, a search API's sort values ({@code search_after}), a page number with its first
 * page, an offset, and records in time order started at the last one's time; each proven by asking
 * for that next page.
 */
final class ComputedStyles {

    private static final List<String> LAST_KEY_PARAMS = List.of("starting_after", "after", "since_id", "cursor", "last_id",
            "startkey", "from");
    private static final List<String> SEARCH_AFTER_FIELDS = List.of("search_after", "after", "starting_after");
    private static final List<String> TIME_PARAMS = List.of("start_time", "since", "updated_since", "updated_after",
            "modified_since", "from", "start", "after");
    private static final List<String> PAGE_PARAMS = List.of("page", "p", "page_number", "pageNumber");
    private static final List<String> OFFSET_PARAMS = List.of("offset", "startAt", "start", "skip", "from", "first");

    private final FirstPageProbe probe;

    ComputedStyles(FirstPageProbe probe) {
        this.probe = probe;
    }

    Map<String, String> lastRecordCursor() throws InterruptedException {
        String flag = null;
        for (Map.Entry<String, JsonNode> other : probe.shape().others().entrySet()) {
            if (other.getValue().isBoolean() && FirstPageProbe.FLAG_NAME.matcher(FirstPageProbe.leaf(other.getKey())).matches()) {
                flag = other.getKey();
                if (!other.getValue().asBoolean()) {
                    probe.evidence("the body's " + flag + " is false: this is the only page");
                    return null;
                }
            }
        }
        Map<String, String> sorted = searchAfter();
        if (sorted != null) {
            return sorted;
        }
        if (flag == null || probe.keyPath() == null || probe.shape().records().isEmpty()) {
            return null;
        }
        String last = probe.key(probe.shape().records().get(probe.shape().records().size() - 1));
        for (String param : LAST_KEY_PARAMS) {
            if (probe.leadsOn(probe.fetcher().probe(PageFetcher.with(probe.first().uri(), param, last)))) {
                probe.evidence("the body's " + flag + " says more follow, and the API takes the last record's key as " + param + "=");
                return FirstPageProbe.ordered("pagination", "lastRecordCursor", "cursorParam", param, "cursorField", probe.keyPath(), "hasMorePath", flag);
            }
        }
        probe.alternative("lastRecordCursor");
        return null;
    }

    /** A search API with a JSON body: the last record's sort values, sent back in the body, start the next page. */
    private Map<String, String> searchAfter() throws InterruptedException {
        if (probe.fetcher().body() == null || probe.shape().records().isEmpty() || !probe.shape().records().get(0).isObject()) {
            return null;
        }
        JsonNode last = probe.shape().records().get(probe.shape().records().size() - 1);
        for (Iterator<Map.Entry<String, JsonNode>> fields = last.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isArray() || field.getValue().isEmpty()) {
                continue;
            }
            for (String name : SEARCH_AFTER_FIELDS) {
                if (probe.leadsOn(probe.fetcher().probe(probe.first().uri(), FirstPageProbe.withField(probe.fetcher().body(), name, field.getValue())))) {
                    String cursorField = PageShape.child("$", field.getKey());
                    probe.evidence("the last record's " + cursorField + " sent back as the body's " + name + " starts the next page");
                    return FirstPageProbe.ordered("pagination", "lastRecordCursor", "cursorField", cursorField, "cursorParam", "body:" + name);
                }
            }
        }
        return null;
    }

    Map<String, String> numbered() throws InterruptedException {
        for (String param : PAGE_PARAMS) {
            // The first page is page 1 when asking for 1 gives it again, else page 0 when 0 does.
            for (int firstPage : new int[] {1, 0}) {
                PreviewPage again = probe.fetcher().probe(PageFetcher.with(probe.first().uri(), param, Integer.toString(firstPage)));
                if (!probe.sameRecords(again)) {
                    continue;
                }
                PreviewPage next = probe.fetcher().probe(PageFetcher.with(probe.first().uri(), param, Integer.toString(firstPage + 1)));
                if (probe.leadsOn(next)) {
                    probe.evidence("the API pages by number: " + param + "=" + firstPage + " is the first page, "
                            + param + "=" + (firstPage + 1) + " the next");
                    return firstPage == 1 ? FirstPageProbe.ordered("pagination", "pageNumber", "pageParam", param)
                            : FirstPageProbe.ordered("pagination", "pageNumber", "pageParam", param, "firstPage", "0");
                }
                if (probe.sameRecords(next)) {
                    break; // the API ignores the parameter
                }
            }
        }
        String size = Integer.toString(probe.shape().records().size());
        for (String param : OFFSET_PARAMS) {
            PreviewPage again = probe.fetcher().probe(PageFetcher.with(probe.first().uri(), param, "0"));
            if (!probe.sameRecords(again) && !(probe.growing() && probe.grownBy(again) >= 0)) {
                continue;
            }
            PreviewPage next = probe.fetcher().probe(PageFetcher.with(probe.first().uri(), param, size));
            if (probe.growing() ? probe.continues(again, next) : probe.leadsOn(next)) {
                probe.evidence("the API pages by offset: " + param + "=0 is the first page, " + param + "=" + size + " the next");
                return FirstPageProbe.ordered("pagination", "offset", "offsetParam", param, "offsetStep", "records");
            }
        }
        return null;
    }

    /**
     * Records in ascending order of a time field, and a query parameter that starts the page at the
     * last one's time: the page after holds newer records (those of exactly that time may come again).
     */
    Map<String, String> lastRecordTime() throws InterruptedException {
        String field = ascendingTimeField();
        if (field == null) {
            return null;
        }
        List<JsonNode> records = probe.shape().records();
        String last = PageShape.at(records.get(records.size() - 1), field).asText();
        long atLast = records.stream().filter(record -> PageShape.at(record, field).asText().equals(last)).count();
        for (String param : TIME_PARAMS) {
            PreviewPage page = probe.fetcher().probe(PageFetcher.with(probe.first().uri(), param, last));
            if (!page.ok()) {
                continue;
            }
            List<JsonNode> next = PageShape.of(page.body()).records();
            long repeated = next.stream().map(probe::key).filter(probe::onFirstPage).count();
            if (next.size() > repeated && repeated <= atLast) {
                probe.evidence("the records come in order of " + field + ", and the API starts a page at the last one's time as "
                        + param + "=");
                return FirstPageProbe.ordered("pagination", "lastRecordTime", "timeField", field, "startParam", param);
            }
        }
        probe.alternative("lastRecordTime (timeField=" + field + ")");
        probe.alternative("timeWindow (timeField=" + field + ")");
        return null;
    }

    /** A record field holding ISO-8601 times that never decrease over the page, or {@code null}. */
    private String ascendingTimeField() {
        List<JsonNode> records = probe.shape().records();
        if (records.size() < 2 || !records.get(0).isObject()) {
            return null;
        }
        for (Iterator<String> names = records.get(0).fieldNames(); names.hasNext();) {
            String path = PageShape.child("$", names.next());
            Instant previous = null;
            boolean ascending = true;
            for (JsonNode record : records) {
                Instant at = instant(PageShape.at(record, path));
                if (at == null || (previous != null && at.isBefore(previous))) {
                    ascending = false;
                    break;
                }
                previous = at;
            }
            if (ascending) {
                return path;
            }
        }
        return null;
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }
}
