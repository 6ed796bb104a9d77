package io.caravan.paging;

/** What a page without the records path means ({@code onMissingRecords}). */
public enum MissingRecords {
    /** A later page without it fails the run (the first always does: the path is likely wrong). */
    FAIL,
    /** A later page without it ends the run. */
    STOP,
    /** Any page without it holds no records (an API whose JSON leaves out empty arrays); the other signals decide the end. */
    EMPTY
}
