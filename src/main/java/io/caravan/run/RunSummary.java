package io.caravan.run;

import java.time.Duration;

/**
 * What one run of a source did.
 *
 * @param source            the source's name
 * @param failure           why the run failed, or {@code null} when it completed
 * @param pages             pages fetched
 * @param recordsReceived   records selected from those pages
 * @param duplicatesDropped records dropped because their key was already seen in this run
 * @param recordsLoaded     records delivered to the sink
 * @param retries           requests sent again after a retriable failure
 * @param elapsed           wall time of the run
 */
public record RunSummary(String source, String failure, long pages, long recordsReceived, long duplicatesDropped,
        long recordsLoaded, long retries, Duration elapsed) {

    public boolean completed() {
        return failure == null;
    }

    /** One line for the console. */
    public String describe() {
        String outcome = completed() ? "completed" : "FAILED: " + failure;
        return String.format("%s %s: %,d pages, %,d records loaded, %,d duplicates dropped, %,d retries, %.2f s",
                source, outcome, pages, recordsLoaded, duplicatesDropped, retries, elapsed.toMillis() / 1000.0);
    }
}
