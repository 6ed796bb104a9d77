package io.caravan.plan;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How a bound (a high-water mark, a slice's start or end) is written into a request: as the API
 * wants its times. Numbers are always written as plain numbers.
 */
public enum BoundFormat {
    /** {@code 2024-01-02T03:04:05Z}. */
    ISO,
    /** {@code 1704164645}. */
    EPOCH_SECONDS,
    /** {@code 1704164645000}. */
    EPOCH_MILLIS,
    /** {@code 2024-01-02} (UTC). */
    DATE;

    /** Parses {@code iso}, {@code epochSeconds}, {@code epochMillis} or {@code date}. */
    public static BoundFormat parse(String name) {
        return switch (name == null || name.isBlank() ? "iso" : name.trim()) {
            case "iso" -> ISO;
            case "epochSeconds" -> EPOCH_SECONDS;
            case "epochMillis" -> EPOCH_MILLIS;
            case "date" -> DATE;
            default -> throw new IllegalArgumentException("timeFormat '" + name
                    + "': use iso, epochSeconds, epochMillis or date");
        };
    }

    /** The value as written into a request. */
    public String write(Axis axis, long value) {
        if (axis == Axis.NUMBER) {
            return Long.toString(value);
        }
        Instant instant = Instant.ofEpochMilli(value);
        return switch (this) {
            case ISO -> instant.toString();
            case EPOCH_SECONDS -> Long.toString(Math.floorDiv(value, 1000));
            case EPOCH_MILLIS -> Long.toString(value);
            case DATE -> instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
        };
    }
}
