package io.caravan.run;

import io.caravan.paging.Page;
import io.caravan.paging.PagingTally;
import io.caravan.request.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The state of one run of a source, carried on the exchange through the page loop: the request to
 * send next, the batch waiting for the sink, and the counters of the summary.
 */
public final class SourceRun {

    /** Exchange property holding the run. */
    public static final String PROPERTY = "CaravanRun";

    private final String source;
    private final int maxPages;
    private final int batchSize;
    private final String origin;
    private final long started = System.nanoTime();
    private final RunProgress progress;
    private final List<Map<String, Object>> batch = new ArrayList<>();
    private final List<Object> collected = new ArrayList<>();

    private final PagingTally tally = new PagingTally();
    private final Set<String> requestsSent = new HashSet<>();
    private final boolean stopOnRepeat;

    private PageRequest current;
    private PageRequest next;
    private String nextFingerprint;
    private long recordsLoaded;
    private boolean failed;
    private long retries;

    /**
     * @param source    the source's name
     * @param first     the first request
     * @param maxPages  the hard page cap
     * @param batchSize records per sink batch (a batch is flushed at a page boundary once this full)
     * @param stopOnRepeat whether a request repeating one already sent ends the run (true) or fails it
     */
    public SourceRun(String source, PageRequest first, int maxPages, int batchSize, boolean stopOnRepeat) {
        this.source = source;
        this.stopOnRepeat = stopOnRepeat;
        this.next = first;
        this.nextFingerprint = first.fingerprint();
        this.maxPages = maxPages;
        this.batchSize = batchSize;
        this.origin = first.origin();
        this.progress = new RunProgress(source, started);
    }

    /** The run carried by {@code exchange}. */
    public static SourceRun of(Exchange exchange) {
        SourceRun run = exchange.getProperty(PROPERTY, SourceRun.class);
        if (run == null) {
            throw new IllegalStateException("no Caravan run on this exchange");
        }
        return run;
    }

    /** Whether another page is to be fetched. */
    public boolean hasNext() {
        return next != null;
    }

    /** Takes the next request to send; it becomes the current one. */
    public PageRequest send() {
        current = next;
        next = null;
        requestsSent.add(nextFingerprint);
        return current;
    }

    /** The request of the page being processed. */
    public PageRequest current() {
        return current;
    }

    /** Counts a page received; the tally then includes it. */
    public PagingTally pageReceived(Page page) {
        tally.add(page);
        return tally;
    }

    /**
     * Sets the request for the next page, or none. Fails when it would leave the source's origin or
     * exceed the page cap; a request repeating one already sent fails the run (an API repeating a
     * cursor would loop forever) or, when so configured, ends it.
     */
    public void advance(Optional<PageRequest> following) {
        PageRequest request = following.orElse(null);
        String fingerprint = request == null ? null : request.fingerprint();
        if (request != null) {
            if (!origin.equals(request.origin())) {
                throw new IllegalStateException("next page is on another origin (" + request.origin()
                        + ", expected " + origin + "); refusing to follow it");
            }
            if (requestsSent.contains(fingerprint)) {
                if (!stopOnRepeat) {
                    throw new IllegalStateException("the API led back to a request already sent ("
                            + (request.token() == null ? request.uri() : "token " + request.token())
                            + "); set onRepeatedRequest=stop if repeating is how it signals the end");
                }
                request = null;
            } else if (tally.pages() >= maxPages) {
                throw new IllegalStateException("page cap of " + maxPages
                        + " pages reached while the API still offers a next page; raise maxPages if the API is that large");
            }
        }
        next = request;
        nextFingerprint = request == null ? null : fingerprint;
    }

    /** Marks the run failed; true the first time only, so a failure is reported once. */
    public boolean markFailed() {
        boolean first = !failed;
        failed = true;
        return first;
    }

    /** Adds a record row (already past the duplicate check) to the batch. */
    public void buffer(Map<String, Object> row) {
        batch.add(row);
    }

    /** Keeps a record to return to the caller (collect mode). */
    public void collect(Object record) {
        collected.add(record);
    }

    /**
     * Fails the run when more than {@code max} records were collected, so a source larger than
     * expected cannot exhaust memory (checked per page: at most one page over the cap is held).
     */
    public void checkCollected(int max) {
        if (collected.size() > max) {
            throw new IllegalStateException("collect mode returns at most " + max
                    + " records and this source has more; use mode=stream or raise collectMaxRecords");
        }
    }

    /** The records collected, in order. */
    public List<Object> collected() {
        return collected;
    }

    /** Whether the batch must go to the sink now: full, or the pages have run out. */
    public boolean flushDue() {
        return !batch.isEmpty() && (batch.size() >= batchSize || next == null);
    }

    /** Takes the batch for the sink. */
    public List<Map<String, Object>> takeBatch() {
        List<Map<String, Object>> taken = new ArrayList<>(batch);
        batch.clear();
        return taken;
    }

    /** The sink has the batch taken last. */
    public void batchLanded(int size) {
        recordsLoaded += size;
    }

    /** Called after each page is fully handled. */
    public void pageDone() {
        progress.pageDone(tally.pages(), tally.records());
    }

    public void retried() {
        retries++;
    }

    /**
     * The summary of this run so far.
     *
     * @param failure    why it failed, or {@code null} for a completed run
     * @param duplicates records dropped as repeats of a key already seen in the run
     */
    public RunSummary summary(String failure, long duplicates) {
        return new RunSummary(source, failure, tally.pages(), tally.records(), duplicates, recordsLoaded,
                retries, Duration.ofNanos(System.nanoTime() - started));
    }
}
