package io.caravan.run;

import io.caravan.paging.Page;
import io.caravan.paging.PagingTally;
import io.caravan.plan.Axis;
import io.caravan.plan.Session;
import io.caravan.records.RecordRows;
import io.caravan.request.PageRequest;
import io.caravan.state.Checkpoint;
import io.caravan.state.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;

/**
 * The state of one run of a source, carried on the exchange through the page loop: the request to
 * send next, the batch waiting for the sink with the pages it completes, the checkpoint last
 * committed, and the counters of the summary.
 */
public final class SourceRun {

    /** How often a run may restart its pass after the API dropped its pagination session. */
    public static final int MAX_RESTARTS = 3;

    /** Exchange property holding the run. */
    public static final String PROPERTY = "CaravanRun";

    private final String source;
    private final int maxPages;
    private final FlushPolicy flushPolicy;
    private final boolean stopOnRepeat;
    private final LongSupplier nanoClock;
    private final Set<String> origins;
    private final long started;
    private final RunProgress progress;
    private final PagingTally tally;
    private final Set<String> requestsSent = new HashSet<>();
    private final List<Map<String, Object>> batch = new ArrayList<>();
    private final List<String> pagesInBatch = new ArrayList<>();
    private final List<Object> collected = new ArrayList<>();
    private final int resumedAtPage;
    private Set<String> landedEarlier = Set.of();
    private Session session;
    private Axis markAxis;
    private Long pageNewest;
    private Long batchNewest;
    private List<Session> spawned = List.of();
    private boolean spawnCommitted;

    private Checkpoint committed;
    private PageRequest current;
    private String currentFingerprint;
    private PageRequest next;
    private String nextFingerprint;
    private String currentPageKey;
    private List<Map<String, Object>> pageRows = List.of();
    private int pageOffset;
    private boolean pageOpen;
    private boolean resumingPage;
    private long batchBytes;
    private long batchStarted;
    private boolean flushing;
    private long recordsLoaded;
    private long resumeSkipped;
    private long pagesAlreadyLanded;
    private long retries;
    private boolean failed;
    private String refusedRequest;
    private int restarts;
    private int restartedFrom;
    private boolean restartPending;
    private long pauseUntilNanos;
    private Long retryDelayMillis;
    private String retryRefusal;

    /**
     * @param from         the checkpoint the run starts at: its request is sent first, and when it
     *                     stands inside a page, that page's records already landed are skipped
     * @param maxPages     the hard page cap
     * @param flushPolicy  when batches go to the sink
     * @param stopOnRepeat whether a request repeating one already sent ends the run (true) or fails it
     * @param otherOrigins origins besides the first request's that next pages may be on
     * @param nanoClock    the clock batch ages are measured with ({@code System::nanoTime})
     */
    public SourceRun(Checkpoint from, int maxPages, FlushPolicy flushPolicy, boolean stopOnRepeat,
            Set<String> otherOrigins, LongSupplier nanoClock) {
        this.source = from.source();
        this.committed = from;
        this.next = from.next();
        this.nextFingerprint = next.fingerprint();
        this.maxPages = maxPages;
        this.flushPolicy = flushPolicy;
        this.stopOnRepeat = stopOnRepeat;
        this.nanoClock = nanoClock;
        this.origins = new HashSet<>(otherOrigins);
        this.origins.add(next.origin());
        this.started = nanoClock.getAsLong();
        this.progress = new RunProgress(source, started);
        this.resumingPage = from.pageRecordsDone() > 0;
        this.tally = new PagingTally(next.pageIndex(), from.records() - from.pageRecordsDone());
        this.resumedAtPage = from.pages() > 0 || resumingPage ? next.pageIndex() + 1 : 0;
    }

    /**
     * The keys of the pages that landed in this pass so far, read when the run starts (a resumed
     * pass) and again when the pass restarts: such a page, if the API leads to it again, is not
     * landed twice. Otherwise the pages this run lands never come again: a request already sent ends
     * or fails the run.
     */
    public void landedEarlier(Set<String> pageKeys) {
        landedEarlier = pageKeys;
    }

    /**
     * The session this run fetches: it restarts its pass at the session's first request, and ends
     * before the session's end page (a page range).
     */
    public void session(Session fetched) {
        session = fetched;
    }

    /** The session this run fetches. */
    public Session session() {
        return session;
    }

    /**
     * Tracks the high-water mark on {@code axis}: the newest value of each page joins the checkpoint's
     * pass mark once the page landed, and becomes the high-water mark when the source's own session
     * completes its pass (the mark moves only with the data up to it committed).
     */
    public void trackMarks(Axis axis) {
        markAxis = axis;
    }

    /** The newest mark among the current page's records, or {@code null}. */
    public void pageNewest(Long newest) {
        pageNewest = newest;
    }

    /**
     * The rest of the pass is handed to {@code sessions} (page ranges fetched beside each other): this
     * run ends after the current page, and their checkpoints commit with its last batch.
     */
    public void spawn(List<Session> sessions) {
        spawned = List.copyOf(sessions);
    }

    /** How many sessions this run hands the rest of its pass to. */
    public int spawnedCount() {
        return spawned.size();
    }

    /** Records of the pass so far, including those before a resume. */
    public long passRecords() {
        return tally.passRecords();
    }

    /** The sessions this run handed the rest of its pass to, once committed. */
    public List<Session> spawned() {
        return spawnCommitted ? spawned : List.of();
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
        currentFingerprint = nextFingerprint;
        next = null;
        requestsSent.add(nextFingerprint);
        return current;
    }

    /** The fingerprint of the current request (computed once, when it was set as the next one). */
    public String currentFingerprint() {
        return currentFingerprint;
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
        if (request != null && session != null && request.pageIndex() >= session.endPage()) {
            request = null;
        }
        String fingerprint = request == null ? null : request.fingerprint();
        if (request != null) {
            if (!origins.contains(request.origin())) {
                throw new IllegalStateException("next page is on another origin (" + request.origin()
                        + ", expected " + String.join(" or ", new TreeSet<>(origins))
                        + "); refusing to follow it (allowedOrigins lists origins next pages may be on)");
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

    /**
     * Takes the rows of the page just read. Those still to be handled are none when the page had
     * landed in this pass before the run started; on the page a checkpoint stands inside, those after
     * the last record that landed (found by its key, so a page whose records shifted is still cut at
     * the right record; when the key is gone, every row, which the upsert absorbs).
     */
    public void pageRows(String pageKey, List<Map<String, Object>> rows) {
        currentPageKey = pageKey;
        pageRows = rows;
        pageOffset = 0;
        boolean resuming = resumingPage;
        resumingPage = false;
        if (pageKey != null && landedEarlier.contains(pageKey)) {
            pagesAlreadyLanded++;
            pageOffset = rows.size();
        } else if (resuming) {
            for (int i = 0; i < rows.size(); i++) {
                if (committed.pageLastKey().equals(rows.get(i).get(RecordRows.KEY))) {
                    pageOffset = i + 1;
                }
            }
            resumeSkipped += pageOffset;
        }
        pageOpen = true;
    }

    /** The records of the current page. */
    public int pageRecords() {
        return pageRows.size();
    }

    /** The rows of the current page still to be handled. */
    public List<Map<String, Object>> pageRowsLeft() {
        return pageRows.subList(pageOffset, pageRows.size());
    }

    /** Whether rows of the current page are still to be handled. */
    public boolean hasPageRows() {
        return pageOffset < pageRows.size();
    }

    /** The next row of the current page to handle; it counts as handled. */
    public Map<String, Object> nextPageRow() {
        return pageRows.get(pageOffset++);
    }

    /** Whether the API refused the credentials of the current request for the first time (HTTP 401 is retried once). */
    public boolean firstRefusal() {
        boolean first = !currentFingerprint.equals(refusedRequest);
        refusedRequest = currentFingerprint;
        return first;
    }

    /**
     * The API dropped the pagination session (an expired cursor): the request in flight becomes
     * {@code first}, the pass's first request, and the requests sent are forgotten so the pass can
     * be walked again (records already seen are dropped as repeats). False once the run has
     * restarted {@link #MAX_RESTARTS} times.
     */
    public boolean restartPass(PageRequest first) {
        if (restarts >= MAX_RESTARTS) {
            return false;
        }
        restarts++;
        restartPending = true;
        restartedFrom = current.pageIndex();
        requestsSent.clear();
        current = first;
        currentFingerprint = first.fingerprint();
        requestsSent.add(currentFingerprint);
        return true;
    }

    /** The index of the page whose failure restarted the pass last. */
    public int restartedFrom() {
        return restartedFrom;
    }

    /** Pauses the next request until {@code wait} from now (a rate limit's window is spent). */
    public void pauseFor(Duration wait) {
        pauseUntilNanos = nanoClock.getAsLong() + wait.toNanos();
    }

    /** How long to wait before sending the next request (0: at once). */
    public long pauseMillis() {
        long left = pauseUntilNanos - nanoClock.getAsLong();
        return left <= 0 ? 0 : Duration.ofNanos(left).toMillis();
    }

    /** The API asked to wait {@code wait} before the retry (Retry-After, a rate limit's reset). */
    public void retryAfter(Duration wait) {
        retryDelayMillis = wait.toMillis();
    }

    /** The wait the API asked for before the retry about to happen, once; {@code null} for the usual backoff. */
    public Long takeRetryDelay() {
        Long delay = retryDelayMillis;
        retryDelayMillis = null;
        return delay;
    }

    /** Why the failure in flight is not retried although it could be (the API asked to wait too long). */
    public void refuseRetry(String reason) {
        retryRefusal = reason;
    }

    /** Why the last retriable failure was not retried, or {@code null}. */
    public String retryRefusal() {
        return retryRefusal;
    }

    /** Marks the run failed; true the first time only, so a failure is reported once. */
    public boolean markFailed() {
        boolean first = !failed;
        failed = true;
        return first;
    }

    /** Adds a record row (already past the duplicate check) to the batch. */
    public void buffer(Map<String, Object> row) {
        if (batch.isEmpty()) {
            batchStarted = nanoClock.getAsLong();
        }
        batch.add(row);
        batchBytes += ((String) row.get(RecordRows.PAYLOAD)).length();
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

    /** Whether the batch is full (by records or bytes): no more rows join it before it is flushed. */
    public boolean batchFull() {
        return !batch.isEmpty() && flushPolicy.fullAfterRecord(batch.size(), batchBytes);
    }

    /**
     * Whether the batch must go to the sink now, in the middle of a page: it is full and the page has
     * rows left (a batch full at a page's last row waits for the page end, which also lands the page).
     */
    public boolean flushDueInPage() {
        return batchFull() && hasPageRows();
    }

    /** Every record of the current page is handled; the page joins the batch unless the run collects records. */
    public void pageDone(boolean joinsBatch) {
        pageOpen = false;
        if (joinsBatch && !landedEarlier.contains(currentPageKey)) {
            pagesInBatch.add(currentPageKey);
            if (pageNewest != null && (batchNewest == null || pageNewest > batchNewest)) {
                batchNewest = pageNewest;
            }
        }
        pageNewest = null;
        // Sessions beside the source's own (slices, page ranges) report as they end, in the run's progress.
        if (session == null || session.own()) {
            progress.pageDone(tally.pages(), tally.records());
        }
    }

    /** Whether the batch must go to the sink at this page end: the flush policy says so, or the pages ran out. */
    public boolean flushDueAtPageEnd() {
        return !pagesInBatch.isEmpty() && (next == null || flushPolicy.dueAtPageEnd(batch.size(), batchBytes,
                pagesInBatch.size(), batch.isEmpty() ? 0 : nanoClock.getAsLong() - batchStarted));
    }

    /** The keys of the records in the batch not yet taken for the sink. */
    public List<String> batchKeys() {
        return batch.stream().map(row -> (String) row.get(RecordRows.KEY)).toList();
    }

    /** Whether anything handled has not landed yet (the run stops early: it is flushed before the run ends). */
    public boolean hasUnlanded() {
        return !batch.isEmpty() || !pagesInBatch.isEmpty();
    }

    /**
     * Takes the batch for the sink, with the checkpoint it moves the source to: the next request at a
     * page end; inside a page, the current request with how many of its rows were handled and the
     * key of the last one.
     */
    public Flush takeBatch() {
        Checkpoint at;
        if (pageOpen) {
            at = checkpoint(current, pageOffset, (String) pageRows.get(pageOffset - 1).get(RecordRows.KEY));
        } else {
            at = checkpoint(next, 0, null);
        }
        List<Session> handedOver = !pageOpen && next == null ? spawned : List.of();
        Flush flush = new Flush(List.copyOf(batch), List.copyOf(pagesInBatch), at, handedOver);
        batchNewest = null;
        batch.clear();
        pagesInBatch.clear();
        batchBytes = 0;
        flushing = true;
        return flush;
    }

    /** The batch and its checkpoint committed. */
    public void flushCommitted(Flush flush) {
        recordsLoaded += flush.rows().size();
        committed = flush.checkpoint();
        spawnCommitted |= !flush.spawned().isEmpty();
        flushing = false;
    }

    /** Whether a batch taken has not committed yet (a failure now is the sink's or the database's, not the page's). */
    public boolean flushing() {
        return flushing;
    }

    /** The checkpoint committed last (the one the run started at, before its first flush). */
    public Checkpoint committed() {
        return committed;
    }

    /** Counts a retry; true when it is the restart of the pass (no page is sent again). */
    public boolean retried() {
        if (restartPending) {
            restartPending = false;
            return true;
        }
        retries++;
        return false;
    }

    /**
     * The summary of this run so far.
     *
     * @param failure    why it failed, or {@code null} for a run that did not fail
     * @param duplicates records dropped as repeats of a key already seen in the run
     */
    public RunSummary summary(String failure, long duplicates) {
        boolean stopped = failure == null && next != null;
        return new RunSummary(source, failure, stopped, resumedAtPage, tally.pages(), tally.records(), duplicates,
                resumeSkipped, pagesAlreadyLanded, recordsLoaded, retries,
                Duration.ofNanos(nanoClock.getAsLong() - started), null);
    }

    private Checkpoint checkpoint(PageRequest at, int pageRecordsDone, String pageLastKey) {
        long pages = committed.pages() + pagesInBatch.size();
        long records = committed.records() + batch.size();
        String highWaterMark = committed.highWaterMark();
        String passMark = committed.passMark();
        if (markAxis != null) {
            passMark = markAxis.newer(passMark, batchNewest == null ? null : markAxis.label(batchNewest));
            // The source's own pass complete, and no other session of it left: the data up to the mark has landed.
            if (at == null && session != null && session.own() && spawned.isEmpty()) {
                highWaterMark = markAxis.newer(highWaterMark, passMark);
                passMark = null;
            }
        }
        return new Checkpoint(source, at == null ? RunStatus.COMPLETED : RunStatus.RUNNING, at, pageRecordsDone,
                pageLastKey, highWaterMark, passMark, pages, records, null, Instant.now());
    }
}
