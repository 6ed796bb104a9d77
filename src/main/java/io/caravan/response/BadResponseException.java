package io.caravan.response;

/**
 * A response that is not the JSON page it should be. Retryable when a second try may well be good
 * (cut-off or malformed JSON, an HTML error page from a proxy, an empty body); not when the API
 * would send the same again (a body over the size limit, JSON nested too deep).
 */
public final class BadResponseException extends RuntimeException {

    private final boolean retryable;

    public BadResponseException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** Whether sending the same request again may get a good response. */
    public boolean retryable() {
        return retryable;
    }
}
