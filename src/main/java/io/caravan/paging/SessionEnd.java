package io.caravan.paging;

/**
 * Why a session ended, in words a user can check against the API ({@code $.has_more is false on page
 * 41}), with what the run noticed on the way (a page-size cap).
 */
public final class SessionEnd {

    private String reason;

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
}
