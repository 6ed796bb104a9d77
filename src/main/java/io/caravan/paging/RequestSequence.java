package io.caravan.paging;

import io.caravan.request.OriginGuard;
import io.caravan.request.PageRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The requests of one session in order: the one being processed, the next one, and the guards that
 * keep the loop finite: a request repeating one already sent fails the session (an API repeating a
 * cursor would loop forever) or, when so configured, ends it; the hard page cap fails it; a next page
 * on another origin is refused; and a page range ends before its end page. A guard that fails the
 * session holds the request back instead of throwing: the current page still lands, with the refused
 * request as the checkpoint's next (a resume, once the setting is changed, goes on from there), and
 * then the session fails for {@link #refusal()}.
 */
public final class RequestSequence {

    /** How often a session may restart its pass after the API dropped its pagination session. */
    public static final int MAX_RESTARTS = 3;

    private final OriginGuard origins;
    private final int maxPages;
    private final boolean stopOnRepeat;
    private final Set<String> requestsSent = new HashSet<>();
    private int endPage = Integer.MAX_VALUE;
    private PageRequest current;
    private String currentFingerprint;
    private PageRequest next;
    private String nextFingerprint;
    private boolean nextRepeatsCurrent;
    private boolean currentRepeatsPrevious;
    private int restarts;
    private int restartedFrom;
    private PageRequest heldBack;
    private String refusal;

    /**
     * @param first        the request sent first
     * @param origins      the origins requests may go to
     * @param maxPages     the hard page cap
     * @param stopOnRepeat whether a request repeating one already sent ends the session (true) or fails it
     */
    public RequestSequence(PageRequest first, OriginGuard origins, int maxPages, boolean stopOnRepeat) {
        this.origins = origins;
        this.maxPages = maxPages;
        this.stopOnRepeat = stopOnRepeat;
        this.next = first;
        this.nextFingerprint = first.fingerprint();
    }

    /** The session ends before the page of this index (a page range). */
    public void endBefore(int pageIndex) {
        endPage = pageIndex;
    }

    /** Whether another page is to be fetched. */
    public boolean hasNext() {
        return next != null;
    }

    /** The request to send next, or {@code null}. */
    public PageRequest next() {
        return next;
    }

    /** Takes the next request to send; it becomes the current one. */
    public PageRequest send() {
        current = next;
        currentFingerprint = nextFingerprint;
        currentRepeatsPrevious = nextRepeatsCurrent;
        next = null;
        requestsSent.add(currentFingerprint);
        return current;
    }

    /** The request of the page being processed. */
    public PageRequest current() {
        return current;
    }

    /** The fingerprint of the current request (computed once, when it was set as the next one). */
    public String currentFingerprint() {
        return currentFingerprint;
    }

    /**
     * Whether the current request is the one sent just before it again (a scroll API hands out the
     * same id with new records each time): only its page tells a scroll from a loop.
     */
    public boolean currentRepeatsPrevious() {
        return currentRepeatsPrevious;
    }

    /**
     * Sets the request for the next page, or none, after {@code pagesRead} pages of this session.
     * Holds the request back, failing the session after the current page, when it would leave the
     * allowed origins, lead back to an earlier request (unless that ends the session) or exceed the
     * page cap. The current request again is sent: whether its page repeats is for the page to tell.
     *
     * @return why the sequence itself ends here although {@code following} was given (the end of a
     *         page range, a repeated request that ends the session), or {@code null}
     */
    public String advance(Optional<PageRequest> following, long pagesRead) {
        String ends = null;
        PageRequest request = following.orElse(null);
        if (request != null && request.pageIndex() >= endPage) {
            request = null;
            ends = "the end of its page range";
        }
        String fingerprint = request == null ? null : request.fingerprint();
        boolean repeatsCurrent = fingerprint != null && fingerprint.equals(currentFingerprint);
        if (request != null) {
            String refused = origins.refusal(request);
            if (refused == null && requestsSent.contains(fingerprint) && !repeatsCurrent) {
                if (stopOnRepeat) {
                    request = null;
                    ends = "the API led back to a request already sent";
                } else {
                    refused = "the API led back to a request already sent ("
                            + (request.token() == null ? request.uri() : "token " + request.token())
                            + "); set onRepeatedRequest=stop if repeating is how it signals the end";
                }
            } else if (refused == null && pagesRead >= maxPages) {
                refused = "page cap of " + maxPages + " pages reached while the API still offers a next page; raise"
                        + " maxPages if the API is that large";
            }
            if (refused != null) {
                heldBack = request;
                refusal = refused;
                request = null;
            }
        }
        next = request;
        nextFingerprint = request == null ? null : fingerprint;
        nextRepeatsCurrent = request != null && repeatsCurrent;
        return ends;
    }

    /** The next request a guard refused, which the session's checkpoint keeps as its next, or {@code null}. */
    public PageRequest heldBack() {
        return heldBack;
    }

    /** Why a guard refused the next request: the session fails for it once its current page landed; or {@code null}. */
    public String refusal() {
        return refusal;
    }

    /**
     * The API dropped the pagination session (an expired cursor): the request in flight becomes
     * {@code first}, and the requests sent are forgotten so the pass can be walked again. False once
     * the session has restarted {@link #MAX_RESTARTS} times.
     */
    public boolean restartAt(PageRequest first) {
        if (restarts >= MAX_RESTARTS) {
            return false;
        }
        restarts++;
        restartedFrom = current.pageIndex();
        requestsSent.clear();
        current = first;
        currentFingerprint = first.fingerprint();
        currentRepeatsPrevious = false;
        requestsSent.add(currentFingerprint);
        return true;
    }

    /** The index of the page whose failure restarted the pass last. */
    public int restartedFrom() {
        return restartedFrom;
    }
}
