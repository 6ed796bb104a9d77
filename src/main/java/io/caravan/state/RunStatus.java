package io.caravan.state;

/** How a source's last run ended, as stored in its checkpoint. */
public enum RunStatus {
    /** A run is going, or was killed before it could say otherwise: the next run resumes. */
    RUNNING,
    /** The last run read every page: the next run starts a new pass from the first page. */
    COMPLETED,
    /** The last run failed: the next run resumes where the data stopped landing. */
    FAILED,
    /** The last run was stopped (SIGTERM) after committing what it had fetched: the next run resumes. */
    STOPPED
}
