package io.caravan.paging;

/**
 * Why a session ended, in words a user can check against the API ({@code $.has_more is false on page
 * 41}), with what the run noticed on the way (a page-size cap); and an answer of the API that means
 * the end ({@code endOn}), held until the page step reads it.
 */
public final class SessionEnd {

    private String reason;
    private String answer;

    /** The session ends after the page numbered {@code page}, for {@code why}. */
    public void endedOn(String why, int page) {
        reason = why + " on page " + page;
    }

    /** Adds what the run noticed about the API (a page-size cap). */
    public void note(String note) {
        reason = reason + "; " + note;
    }

    /** Why the session ended, or {@code null} while it goes on. */
    public String reason() {
        return reason;
    }

    /** The API answered the request in flight with an answer that means the end. */
    public void answer(String endAnswer) {
        answer = endAnswer;
    }

    /** That answer, once; {@code null} when the request in flight had a page. */
    public String takeAnswer() {
        String taken = answer;
        answer = null;
        return taken;
    }
}
