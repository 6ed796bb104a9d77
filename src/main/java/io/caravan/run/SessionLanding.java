package io.caravan.run;

import io.caravan.load.Flush;
import io.caravan.state.Checkpoint;

/**
 * What of a session has landed: the checkpoint committed last, whether a batch taken for the sink is
 * still under way, the records delivered and quarantined, and whether a committed batch handed
 * sessions over (a slice split in two).
 */
public final class SessionLanding {

    private Checkpoint committed;
    private boolean flushing;
    private boolean spawnCommitted;
    private long recordsLoaded;
    private long quarantined;

    SessionLanding(Checkpoint from) {
        this.committed = from;
    }

    /** The checkpoint committed last (the one the session started at, before its first flush). */
    public Checkpoint committed() {
        return committed;
    }

    /** Whether a batch taken has not committed yet (a failure now is the sink's or the database's, not the page's). */
    public boolean flushing() {
        return flushing;
    }

    /** A batch was taken for the sink. */
    void taken() {
        flushing = true;
    }

    /** The batch taken could not land: it is forgotten (its pages are fetched again) and no flush is under way. */
    public void abandon() {
        flushing = false;
    }

    /** The batch and its checkpoint committed. */
    public void commit(Flush flush) {
        recordsLoaded += flush.rows().size();
        quarantined += flush.quarantined();
        committed = flush.checkpoint();
        spawnCommitted |= !flush.spawned().isEmpty();
        flushing = false;
    }

    /** One record went to a sink on its own (the Kamelet's): it counts as loaded. */
    public void delivered() {
        recordsLoaded++;
    }

    /** Records delivered to the sink so far. */
    public long recordsLoaded() {
        return recordsLoaded;
    }

    long quarantined() {
        return quarantined;
    }

    /** Whether a committed batch handed sessions over. */
    boolean spawnCommitted() {
        return spawnCommitted;
    }
}
