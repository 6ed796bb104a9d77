package io.caravan.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The time-range filter every contract accepts, as APIs with an updated-since filter do: records
 * updated at or after {@code since} and before {@code until} (ISO-8601 instants or dates, or epoch
 * seconds or milliseconds), in update order; {@code order=desc} serves them newest first. Without
 * these parameters the data set is served as it is, in id order.
 */
final class TimeFilter {

    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private TimeFilter() {
    }

    static DataSet apply(Map<String, String> params, DataSet data) {
        String since = params.get("since");
        String until = params.get("until");
        boolean newestFirst = "desc".equals(params.get("order"));
        if (since == null && until == null && !newestFirst) {
            return data;
        }
        return data.view(instant(since, Instant.EPOCH), instant(until, Instant.parse("9999-01-01T00:00:00Z")), newestFirst);
    }

    private static Instant instant(String text, Instant absent) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        if (text.matches("\\d+")) {
            long value = Long.parseLong(text);
            return value > MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException("not a time: " + text);
            }
        }
    }
}
