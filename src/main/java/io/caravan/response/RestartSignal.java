package io.caravan.response;

import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * An answer by which an API signals something other than a failure: its pagination session is gone
 * (an expired cursor: the pass restarts) or a query went past its result window (the slice is split).
 * An HTTP status, and optionally text its body contains, configured as {@code status[:text]}, e.g.
 * {@code 400:cursor expired}.
 */
public final class RestartSignal {

    /** Never restart. */
    public static final RestartSignal NONE = new RestartSignal(-1, null);

    private final int status;
    private final String text;

    private RestartSignal(int status, String text) {
        this.status = status;
        this.text = text;
    }

    /** Parses {@code status[:text]}, the value of the parameter {@code name}; blank means {@link #NONE}. */
    public static RestartSignal parse(String name, String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        String trimmed = spec.trim();
        int colon = trimmed.indexOf(':');
        try {
            int status = Integer.parseInt(colon < 0 ? trimmed : trimmed.substring(0, colon).trim());
            return new RestartSignal(status, colon < 0 ? null : trimmed.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + spec + "': use an HTTP status, optionally with"
                    + " text of the body, e.g. 400:cursor expired");
        }
    }

    /** The answer in words: {@code HTTP 400 cursor expired}. */
    public String describe() {
        return "HTTP " + status + (text == null ? "" : " " + text);
    }

    /** Whether {@code failure} is this signal. */
    public boolean matches(Object failure) {
        return failure instanceof HttpOperationFailedException http && http.getStatusCode() == status
                && (text == null || (http.getResponseBody() != null && http.getResponseBody().contains(text)));
    }
}
