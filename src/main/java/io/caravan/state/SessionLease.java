package io.caravan.state;

/**
 * A session's checkpoint in a pass shared by replicas, with its lease: who fetches it, and until when.
 *
 * @param checkpoint the session's checkpoint
 * @param owner      the replica that holds it, or {@code null} when none does
 * @param until      when the holder's lease ends unless renewed (epoch milliseconds), or 0
 */
public record SessionLease(Checkpoint checkpoint, String owner, long until) {

    /** Whether {@code replica} may take the session at {@code now}: not done, and its lease free, expired or its own. */
    public boolean takableBy(String replica, long now) {
        return checkpoint.status() != RunStatus.COMPLETED && (owner == null || owner.equals(replica) || until < now);
    }
}
