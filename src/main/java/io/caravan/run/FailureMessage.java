package io.caravan.run;

import io.caravan.request.PageRequest;
import org.apache.camel.http.base.HttpOperationFailedException;

/** The words of a failed run: which source, which page and request, and why. */
public final class FailureMessage {

    /** How much of an API's error body a failure quotes: enough for the part that explains it. */
    private static final int BODY_EXCERPT = 2048;

    private FailureMessage() {
    }

    /**
     * "source 'x' failed at page 3 (GET http://…): cause", with the session after the source unless
     * blank ("source 'x' (slice …) failed …"), and "while landing a batch" before the cause when the
     * sink or the database failed rather than the page.
     */
    public static String failureMessage(String source, String session, PageRequest request, boolean landing,
            Throwable cause) {
        String where = request == null ? "before its first page"
                : "at page " + (request.pageIndex() + 1) + " (" + request.method() + " " + request.uri() + ")";
        return "source '" + source + "'" + (session.isEmpty() ? "" : " (" + session + ")") + " failed " + where
                + (landing ? " while landing a batch" : "") + ": " + causeOf(cause);
    }

    /** The cause in one line: the HTTP status and an excerpt of the body, or the exception's message. */
    public static String causeOf(Throwable cause) {
        if (cause == null) {
            return "unknown cause";
        }
        if (cause instanceof HttpOperationFailedException http) {
            if (http.isRedirectError()) {
                return "HTTP " + http.getStatusCode() + " redirect to " + http.getRedirectLocation()
                        + " (redirects are not followed: credentials must not reach another URL; configure the final URL)";
            }
            String body = http.getResponseBody() == null ? "" : http.getResponseBody().strip();
            if (body.length() > BODY_EXCERPT) {
                body = body.substring(0, BODY_EXCERPT) + "…";
            }
            return "HTTP " + http.getStatusCode() + (body.isEmpty() ? "" : " " + body);
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}
