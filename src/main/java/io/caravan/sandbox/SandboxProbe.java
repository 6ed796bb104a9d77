package io.caravan.sandbox;

import java.util.Map;

/**
 * What a test watches the sandbox through: each request as it arrives and each answer as it is sent.
 * The sandbox keeps no record of its own; a test passes a probe that does.
 */
public interface SandboxProbe {

    /** A probe that watches nothing (the demo's). */
    SandboxProbe NONE = new SandboxProbe() {
        @Override
        public void arrived(String uri, Map<String, String> headers, int inFlight, long nanoTime) {
            // nothing watched
        }

        @Override
        public void answered(int status, boolean askedToWait) {
            // nothing watched
        }
    };

    /**
     * A request arrived.
     *
     * @param uri      its path and query
     * @param headers  its headers, names in lower case
     * @param inFlight the requests being answered now, this one included
     * @param nanoTime when it arrived ({@code System.nanoTime()}, taken first thing)
     */
    void arrived(String uri, Map<String, String> headers, int inFlight, long nanoTime);

    /**
     * An answer was sent.
     *
     * @param status      its status (0: the connection was dropped without one)
     * @param askedToWait whether it asked the client to wait (Retry-After)
     */
    void answered(int status, boolean askedToWait);
}
