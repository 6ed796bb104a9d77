package io.caravan.run;

/** A run of a source failed; the message names the source, the page and the cause. */
public final class SourceFailedException extends RuntimeException {

    public SourceFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
