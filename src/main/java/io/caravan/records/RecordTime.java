package io.caravan.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a record's timestamp as APIs write it: an ISO-8601 instant, offset date-time, local
 * date-time (read as UTC) or date, or epoch seconds or milliseconds.
 */
public final class RecordTime {

    /** Epoch values above this are read as milliseconds (it is the year 5138 in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private RecordTime() {
    }

    /** The instant in {@code value}, or {@code null} when it is missing or null. */
    public static Instant parse(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return epoch(value.asLong());
        }
        String text = value.asText().trim();
        if (text.matches("\\d+")) {
            return epoch(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("'" + text + "' is not a timestamp (ISO-8601 or epoch)");
                }
            }
        }
    }

    private static Instant epoch(long value) {
        return value > MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
