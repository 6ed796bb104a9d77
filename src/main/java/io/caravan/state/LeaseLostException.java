package io.caravan.state;

/**
 * A replica went to commit a session whose lease another replica holds now (it took the session over
 * after this one's lease expired): the commit is refused, and its transaction rolls back with it.
 */
public final class LeaseLostException extends IllegalStateException {

    public LeaseLostException(String session) {
        super("session '" + session + "' is leased to another replica now: this replica's lease expired before it committed");
    }
}
