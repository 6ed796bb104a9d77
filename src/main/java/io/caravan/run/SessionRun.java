package io.caravan.run;

import io.caravan.load.Batch;
import io.caravan.load.CollectedRecords;
import io.caravan.load.Flush;
import io.caravan.load.FlushPolicy;
import io.caravan.paging.Page;
import io.caravan.paging.PagingTally;
import io.caravan.paging.RequestSequence;
import io.caravan.paging.SessionEnd;
import io.caravan.paging.Totals;
import io.caravan.plan.Axis;
import io.caravan.plan.Session;
import io.caravan.records.PageRows;
import io.caravan.request.OriginGuard;
import io.caravan.request.PageRequest;
import io.caravan.response.RetryState;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;

/**
 * One session of a run (the source's own pages, a slice, a page range), carried on its exchange
 * through the page loop. It holds the parts of that state, each of its own class: the requests in
 * order ({@link RequestSequence}), the current page's rows ({@link PageRows}), the batch for the
 * sink ({@link Batch}), the retries ({@link RetryState}), the paging tally, and what has landed
 * ({@link SessionLanding}): the checkpoint last committed, which {@link CheckpointBuilder} moves with every batch.
 */
public final class SessionRun {

    /** Exchange property holding the session's run. */
    public static final String PROPERTY = "CaravanSession";

    private final Session session;
    private final LongSupplier nanoClock;
    private final long started;
    private final RunProgress progress;
    private final PagingTally tally;
    private final RequestSequence requests;
    private final PageRows rows;
    private final Batch batch;
    private final RetryState retry;
    private final CheckpointBuilder checkpoints;
    private final CollectedRecords collected = new CollectedRecords();
    private final SessionEnd end = new SessionEnd();
    private final SessionLanding landing;
    private final int resumedAtPage;
    private Long pageNewest;
    private List<Session> spawned = List.of();
    private boolean failed;

    /**
     * @param from         the checkpoint the session starts at: its request is sent first, and when it
     *                     stands inside a page, that page's records already landed are skipped
     * @param session      the session, or {@code null} for the source's own in a test
     * @param maxPages     the hard page cap
     * @param flushPolicy  when batches go to the sink
     * @param stopOnRepeat whether a request repeating one already sent ends the session (true) or fails it
     * @param origins      the origins requests may go to: the source's configured first URL's and those allowed
     *                     (not the resumed request's, which came from the API)
     * @param markAxis     the axis of the high-water mark, or {@code null} when the source is not incremental
     * @param nanoClock    the clock batch ages are measured with ({@code System::nanoTime})
     */
    public SessionRun(Checkpoint from, Session session, int maxPages, FlushPolicy flushPolicy, boolean stopOnRepeat,
            OriginGuard origins, Axis markAxis, LongSupplier nanoClock) {
        this.session = session;
        this.landing = new SessionLanding(from);
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.progress = new RunProgress(from.source(), started);
        this.requests = new RequestSequence(from.next(), origins, maxPages, stopOnRepeat);
        if (session != null) {
            requests.endBefore(session.endPage());
        }
        boolean resumingPage = from.pageRecordsDone() > 0;
        this.rows = new PageRows(resumingPage ? from.pageLastKey() : null);
        this.batch = new Batch(flushPolicy, nanoClock);
        this.retry = new RetryState(nanoClock);
        this.checkpoints = new CheckpointBuilder(markAxis);
        this.tally = new PagingTally(from.next().pageIndex(), from.records() - from.pageRecordsDone());
        this.resumedAtPage = from.pages() > 0 || resumingPage ? from.next().pageIndex() + 1 : 0;
    }

    /** The session's run carried by {@code exchange}; fails when there is none. */
    public static SessionRun of(Exchange exchange) {
        SessionRun run = exchange.getProperty(PROPERTY, SessionRun.class);
        if (run == null) {
            throw new IllegalStateException("no Caravan session on this exchange");
        }
        return run;
    }

    /** The session this run fetches. */
    public Session session() {
        return session;
    }

    /** The session's requests in order. */
    public RequestSequence requests() {
        return requests;
    }

    /** The rows of the page being processed. */
    public PageRows rows() {
        return rows;
    }

    /** The session's retries. */
    public RetryState retry() {
        return retry;
    }

    /** The rest of the pass is handed to {@code sessions}: this run ends after the current page, and their checkpoints commit with its last batch. */
    public void spawn(List<Session> sessions) {
        spawned = List.copyOf(sessions);
    }

    /** The sessions this run handed the rest of its pass to, once committed. */
    public List<Session> spawned() {
        return landing.spawnCommitted() ? spawned : List.of();
    }

    /** Records of the pass so far, including those before a resume. */
    public long passRecords() {
        return tally.passRecords();
    }

    /** Whether the totals the API announced are lower bounds only. */
    public boolean totalIsLowerBound() {
        return tally.totalIsLowerBound();
    }

    /** Whether another page is to be fetched. */
    public boolean hasNext() {
        return requests.hasNext();
    }

    /** Takes the next request to send; it becomes the current one. */
    public PageRequest send() {
        return requests.send();
    }

    /** The request of the page being processed. */
    public PageRequest current() {
        return requests.current();
    }

    /** Counts a page received, with the totals it announces; the tally then includes it. */
    public PagingTally pageReceived(Page page, Totals totals) {
        tally.add(page, totals);
        return tally;
    }

    /**
     * Sets the request for the next page, or none (see {@link RequestSequence#advance}); when there is
     * none, the session ends for {@code why} on the current page.
     */
    public void advance(Optional<PageRequest> following, String why) {
        String sequenceEnds = requests.advance(following, tally.pages());
        if (!requests.hasNext()) {
            end.endedOn(sequenceEnds != null ? sequenceEnds : why, current().pageIndex() + 1);
        }
    }

    /** Why the session ended, and an answer that means the end. */
    public SessionEnd end() {
        return end;
    }

    /** The newest mark among the current page's records, or {@code null}. */
    public void pageNewest(Long newest) {
        pageNewest = newest;
    }

    /** Whether the API refused the credentials of the current request for the first time (a 401 is retried once). */
    public boolean firstRefusal() {
        return retry.firstRefusal(requests.currentFingerprint());
    }

    /** The API dropped the pagination session: the request in flight becomes the pass's first (see {@link RequestSequence#restartAt}). */
    public boolean restartPass(PageRequest first) {
        boolean restarted = requests.restartAt(first);
        if (restarted) {
            retry.restartPending();
        }
        return restarted;
    }

    /**
     * The request the session failed at: the next one a guard held back (the current page landed before
     * the failure), or the one in flight.
     */
    public PageRequest failedRequest() {
        return requests.heldBack() != null && !rows.open() ? requests.heldBack() : requests.current();
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

    /** The records collected for the caller (collect mode). */
    public CollectedRecords collected() {
        return collected;
    }

    /** Whether the batch is full: no more rows join it before it is flushed. */
    public boolean batchFull() {
        return batch.full();
    }

    /** Whether the batch must go to the sink now, inside the page: it is full and the page has rows left. */
    public boolean flushDueInPage() {
        return batch.full() && rows.hasLeft();
    }

    /** What of the session has landed: the committed checkpoint, the batch under way, the records delivered. */
    public SessionLanding landing() {
        return landing;
    }

    /** Every record of the current page is handled; the page joins the batch unless the run collects records. */
    public void pageDone(boolean joinsBatch) {
        rows.close();
        if (joinsBatch && !rows.landedEarlier(rows.pageKey())) {
            batch.addPage(rows.pageKey(), pageNewest);
        }
        pageNewest = null;
        // Sessions beside the source's own (slices, page ranges) report as they end, in the run's progress.
        if (session == null || session.own()) {
            progress.pageDone(tally.pages(), tally.records());
        }
    }

    /** Whether the batch must go to the sink at this page end: the flush policy says so, or the pages ran out. */
    public boolean flushDueAtPageEnd() {
        return batch.dueAtPageEnd(!requests.hasNext());
    }

    /** The keys of the records in the batch not yet taken for the sink. */
    public List<String> batchKeys() {
        return batch.keys();
    }

    /** Whether anything handled has not landed yet (the run stops early: it is flushed before the run ends). */
    public boolean hasUnlanded() {
        return batch.hasUnlanded();
    }

    /** Takes the batch for the sink, with the checkpoint it moves the session to. */
    public Flush takeBatch() {
        PageRequest at = rows.open() ? requests.current() : requests.next() != null ? requests.next() : requests.heldBack();
        Checkpoint checkpoint = checkpoints.after(landing.committed(), at, rows.open() ? rows.handled() : 0,
                rows.open() ? rows.lastHandledKey() : null, batch.pageCount(), batch.size(), batch.newest(),
                rows.landedKeys(), (session == null || session.own()) && spawned.isEmpty() && requests.heldBack() == null);
        List<Session> handedOver = !rows.open() && !requests.hasNext() ? spawned : List.of();
        Flush flush = new Flush(batch.rows(), batch.pages(), checkpoint, handedOver);
        batch.clear();
        landing.taken();
        return flush;
    }

    /**
     * Whether the batch holds only pages read whole and not landed (a failure came between pages, or
     * before the current page's rows were handed on): they can land before the failure is reported.
     */
    public boolean hasWholePagesToLand() {
        return batch.pageCount() > 0 && !landing.flushing() && (!rows.open() || rows.handled() == 0);
    }

    /** Takes the batch of whole pages for the sink, with a checkpoint at the request in flight (which failed). */
    public Flush takeWholePages() {
        Checkpoint checkpoint = checkpoints.after(landing.committed(), requests.current(), 0, null, batch.pageCount(), batch.size(),
                batch.newest(), rows.landedKeys(), false);
        Flush flush = new Flush(batch.rows(), batch.pages(), checkpoint, List.of());
        batch.clear();
        landing.taken();
        return flush;
    }

    /**
     * The summary of this run so far.
     *
     * @param failure    why it failed, or {@code null} for a run that did not fail
     * @param duplicates records dropped as repeats of a key already seen in the run
     */
    public RunSummary summary(String failure, long duplicates) {
        boolean stopped = failure == null && requests.hasNext();
        return new RunSummary(landing.committed().source(), failure, stopped, resumedAtPage, tally.pages(), tally.records(),
                duplicates, rows.resumeSkipped(), rows.pagesAlreadyLanded(), landing.recordsLoaded(), landing.quarantined(), retry.retries(),
                Duration.ofNanos(nanoClock.getAsLong() - started), null, failure == null && !stopped ? end.reason() : null);
    }
}
