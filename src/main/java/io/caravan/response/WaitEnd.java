package io.caravan.response;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** When a wait that starts now ends, as a log line says it: {@code 14:03:00} (seconds always shown). */
final class WaitEnd {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private WaitEnd() {
    }

    static String after(Duration wait) {
        return LocalTime.now().plus(wait).format(CLOCK);
    }
}
