package io.caravan.run;

import java.util.function.UnaryOperator;

/**
 * Stands in for a failure whose text held a secret (a URL with an API key, a header echoed in a
 * message): the classes and messages of its chain with the secrets replaced, and its stack trace.
 */
public final class RedactedFailure extends RuntimeException {

    private RedactedFailure(String message, StackTraceElement[] stackTrace) {
        super(message, null, false, true);
        setStackTrace(stackTrace);
    }

    /**
     * {@code failure} itself when no text in its chain holds a secret (that is, {@code redact} leaves
     * every message as it is), else a redacted stand-in.
     */
    public static Throwable of(Throwable failure, UnaryOperator<String> redact) {
        if (failure == null || !holdsSecret(failure, redact)) {
            return failure;
        }
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            chain.append(chain.length() == 0 ? "" : "; caused by ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                chain.append(": ").append(redact.apply(t.getMessage()));
            }
        }
        return new RedactedFailure(chain.toString(), failure.getStackTrace());
    }

    private static boolean holdsSecret(Throwable failure, UnaryOperator<String> redact) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (!redact.apply(message).equals(message)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (holdsSecret(suppressed, redact)) {
                    return true;
                }
            }
        }
        return false;
    }
}
