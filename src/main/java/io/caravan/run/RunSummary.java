package io.caravan.run;

import java.time.Duration;

/**
 * What one run of a source did.
 *
 * @param source             the source's name
 * @param failure            why the run failed, or {@code null} when it did not fail
 * @param stopped            whether it was stopped (shutdown) before the last page, with what it fetched committed
 * @param resumedAtPage      the page number it resumed at, or 0 when it started a new pass
 * @param pages              pages fetched
 * @param recordsReceived    records selected from those pages
 * @param shiftedRecords     records dropped because their key was already seen in this run (pages that
 *                           shifted as the data changed, or an API repeating itself)
 * @param resumeSkipped      records of a page cut by the last checkpoint that had landed, skipped on resume
 * @param pagesAlreadyLanded pages dropped whole because they landed earlier in this pass
 * @param recordsLoaded      records delivered to the sink
 * @param quarantined        records the database refused, set aside in the quarantine table with the reason
 * @param retries            requests sent again after a retriable failure
 * @param elapsed            wall time of the run
 * @param sessions           for a run of several sessions (slices, page ranges), how many ended of how
 *                           many; {@code null} for a run of the source's own session only
 * @param ended              why the run ended ({@code has_more false on page 41}), or {@code null} when it
 *                           failed or was stopped
 */
public record RunSummary(String source, String failure, boolean stopped, int resumedAtPage, long pages,
        long recordsReceived, long shiftedRecords, long resumeSkipped, long pagesAlreadyLanded, long recordsLoaded,
        long quarantined, long retries, Duration elapsed, String sessions, String ended) {

    /** Whether the run read every page without failing. */
    public boolean completed() {
        return failure == null && !stopped;
    }

    /** This summary as that of a run that failed for {@code why}. */
    public RunSummary failed(String why) {
        return new RunSummary(source, why, false, resumedAtPage, pages, recordsReceived, shiftedRecords, resumeSkipped,
                pagesAlreadyLanded, recordsLoaded, quarantined, retries, elapsed, sessions, null);
    }

    /** One line for the console. */
    public String describe() {
        return describe(failure);
    }

    /** One line for the log, after the failure's own ERROR line: the counts, without the cause again. */
    public String describeAfterError() {
        return describe(failure == null ? null : "see the error above");
    }

    private String describe(String why) {
        String outcome = why != null ? "FAILED: " + why
                : stopped ? "stopped (resumes on the next run)" : "completed";
        StringBuilder line = new StringBuilder(String.format("%s %s: %s%,d pages, %,d records loaded", source, outcome,
                sessions == null ? "" : sessions + ", ", pages, recordsLoaded));
        if (quarantined > 0) {
            line.append(String.format(" (%,d refused by the database, quarantined in caravan_quarantine)", quarantined));
        }
        if (resumedAtPage > 0) {
            line.append(String.format(", resumed at page %,d", resumedAtPage));
        }
        if (resumeSkipped > 0) {
            line.append(String.format(" (%,d records of that page had landed)", resumeSkipped));
        }
        line.append(String.format(", %,d shifted records dropped as repeats", shiftedRecords));
        if (pagesAlreadyLanded > 0) {
            line.append(String.format(", %,d pages already landed", pagesAlreadyLanded));
        }
        line.append(String.format(", %,d retries, %.2f s", retries, elapsed.toMillis() / 1000.0));
        return (ended == null ? line : line.append("; ended: ").append(ended)).toString();
    }
}
