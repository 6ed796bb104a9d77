package io.caravan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.caravan.records.RecordTime;
import java.time.Duration;
import java.time.Instant;

/**
 * What a high-water mark or a slice bound measures: time (held as epoch milliseconds) or a number
 * such as an id. Values are labelled canonically in checkpoints (ISO-8601 instants, plain numbers)
 * and written into requests by a {@link BoundFormat}.
 */
public enum Axis {
    /** Timestamps; lengths are ISO-8601 durations ({@code P1D}, {@code PT6H}). */
    TIME,
    /** Numbers (ids); lengths are plain numbers. */
    NUMBER;

    /** The axis a length is written for: an ISO-8601 duration is time, a number is a number. */
    public static Axis ofLength(String length) {
        return length.trim().toUpperCase().startsWith("P") ? TIME : NUMBER;
    }

    /** Reads a value written as a label or by the user: an ISO-8601 instant or date, or a number. */
    public long parse(String text) {
        if (this == NUMBER) {
            return Long.parseLong(text.trim());
        }
        Instant instant = RecordTime.parse(TextNode.valueOf(text.trim()));
        return instant.toEpochMilli();
    }

    /** Reads a record's field; {@code null} when it has none. */
    public Long read(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (this == NUMBER) {
            return value.asLong();
        }
        return RecordTime.parse(value).toEpochMilli();
    }

    /** Reads a length: an ISO-8601 duration on the time axis, a number otherwise. */
    public long length(String text) {
        long length = this == TIME ? Duration.parse(text.trim()).toMillis() : Long.parseLong(text.trim());
        if (length < 0) {
            throw new IllegalArgumentException("length '" + text + "' is negative");
        }
        return length;
    }

    /** The later of two labelled values ({@code null} for none: the other wins). */
    public String newer(String label, String other) {
        if (label == null || other != null && parse(other) > parse(label)) {
            return other;
        }
        return label;
    }

    /** The canonical label of a value: an ISO-8601 instant, or the number. */
    public String label(long value) {
        return this == TIME ? Instant.ofEpochMilli(value).toString() : Long.toString(value);
    }
}
