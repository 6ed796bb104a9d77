package io.caravan.sandbox;

import com.fasterxml.jackson.databind.node.TextNode;
import io.caravan.records.RecordTime;
import java.time.Instant;
import java.util.Map;

/**
 * The time-range filter every contract accepts, as APIs with an updated-since filter do: records
 * updated at or after {@code since} and before {@code until} (ISO-8601 instants or dates, or epoch
 * seconds or milliseconds), in update order; {@code order=desc} serves them newest first. Without
 * these parameters the data set is served as it is, in id order.
 */
final class TimeFilter {

    private TimeFilter() {
    }

    static DataSet apply(Map<String, String> params, DataSet data) {
        String since = params.get("since");
        String until = params.get("until");
        boolean newestFirst = "desc".equals(params.get("order"));
        if (since == null && until == null && !newestFirst) {
            return data;
        }
        return data.view(instant(since, Instant.EPOCH), instant(until, Instant.MAX), newestFirst);
    }

    /**
     * A time parameter: an ISO-8601 instant or date, or epoch seconds or milliseconds (read as Caravan
     * reads record times); {@code absent} when the parameter is missing or blank.
     */
    static Instant instant(String text, Instant absent) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        return RecordTime.parse(TextNode.valueOf(text));
    }
}
