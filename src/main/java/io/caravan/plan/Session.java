package io.caravan.plan;

import io.caravan.request.PageRequest;

/**
 * One pagination session of a run, with its own checkpoint row: the source itself, a slice of a
 * backfill's range, or a range of pages fetched beside others.
 *
 * @param name    the checkpoint row: the source's name, or {@code source/label}
 * @param label   what the session covers ({@code 2024-01-01T00:00:00Z..2024-01-02T00:00:00Z},
 *                {@code pages 2..64}), or {@code null} for the source's own session
 * @param first   the session's first request (its pass restarts there)
 * @param endPage the index of the first page past the session (a page range), or {@link Integer#MAX_VALUE}
 * @param slice   the slice of the range the session covers, or {@code null}
 */
public record Session(String name, String label, PageRequest first, int endPage, Slice slice) {

    /** The source's own session. */
    public static Session of(String source, PageRequest first) {
        return new Session(source, null, first, Integer.MAX_VALUE, null);
    }

    /** Whether this is the source's own session (not a slice or a page range). */
    public boolean own() {
        return label == null;
    }

    /** The session's name in progress lines and errors. */
    public String describe() {
        return label == null ? "" : (slice != null ? "slice " : "") + label;
    }

    /** The label of a session in a checkpoint row's name, or {@code null} for the source's own. */
    public static String labelOf(String source, String rowName) {
        return rowName.equals(source) ? null : rowName.substring(source.length() + 1);
    }
}
