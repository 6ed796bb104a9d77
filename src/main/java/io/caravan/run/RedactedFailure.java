package io.caravan.run;

import io.caravan.request.Credentials;

/**
 * Stands in for a failure whose text held a secret (a URL with an API key, a header echoed in a
 * message): the classes and messages of its chain with the secrets replaced, and its stack trace.
 */
public final class RedactedFailure extends RuntimeException {

    private RedactedFailure(String message, StackTraceElement[] stackTrace) {
        super(message, null, false, true);
        setStackTrace(stackTrace);
    }

    /** {@code failure} itself when no text in its chain holds a secret, else a redacted stand-in. */
    public static Throwable of(Throwable failure, Credentials credentials) {
        if (failure == null || !holdsSecret(failure, credentials)) {
            return failure;
        }
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            chain.append(chain.length() == 0 ? "" : "; caused by ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                chain.append(": ").append(credentials.redact(t.getMessage()));
            }
        }
        return new RedactedFailure(chain.toString(), failure.getStackTrace());
    }

    private static boolean holdsSecret(Throwable failure, Credentials credentials) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (!credentials.redact(String.valueOf(t.getMessage())).equals(String.valueOf(t.getMessage()))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (holdsSecret(suppressed, credentials)) {
                    return true;
                }
            }
        }
        return false;
    }
}
