package io.caravan.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.load.BatchTransaction;
import io.caravan.paging.Page;
import io.caravan.plan.Backfill;
import io.caravan.plan.Incremental;
import io.caravan.plan.ParallelPages;
import io.caravan.plan.ResultWindowExceeded;
import io.caravan.plan.Session;
import io.caravan.records.RecordRows;
import io.caravan.records.SeenKeys;
import io.caravan.request.Credentials;
import io.caravan.request.HostBudget;
import io.caravan.request.HostBudgets;
import io.caravan.request.HttpRequestPreparer;
import io.caravan.request.PageRequest;
import io.caravan.run.FailureMessage;
import io.caravan.run.Flush;
import io.caravan.run.PassRun;
import io.caravan.run.RedactedFailure;
import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.run.SourceRun;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointStore;
import io.caravan.state.LandedPages;
import io.caravan.state.RequestJson;
import io.caravan.state.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Policy;
import org.apache.camel.util.CaseInsensitiveMap;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the page loop for one source, each a processor the route template calls: start or
 * resume a run, prepare the next request, read a page, hand a batch to the sink and commit its
 * checkpoint, finish or fail the run.
 */
public final class PaginatedSource {

    private static final Logger LOG = LoggerFactory.getLogger(PaginatedSource.class);
    private static final String FLUSH = "CaravanFlush";
    private static final String PROPERTY = "CaravanSource";
    /** Exchange property holding the bound a session's records are requested from (a newest-first feed stops past it). */
    private static final String BOUND = "CaravanBound";
    /** Exchange property holding the endpoint every request of the run is sent to. */
    public static final String HTTP_ENDPOINT = "CaravanHttpEndpoint";
    /** Requests per second an adaptive budget starts at when no rate is given. */
    private static final int ADAPTIVE_START = 10;
    /** The HTTP component: camel-http with the client's own retries and redirects off. */
    private static final String HTTP_COMPONENT = "caravan-http";

    /** The flush of a source without checkpoints into a sink outside any database: no transaction. */
    private static final Policy NO_TRANSACTION = new Policy() {
        @Override
        public void beforeWrap(Route route, NamedNode definition) {
            // nothing to prepare
        }

        @Override
        public Processor wrap(Route route, Processor processor) {
            return processor;
        }
    };

    private final SourceSettings settings;
    private final SeenKeys seenKeys;
    private final ObjectMapper mapper = new ObjectMapper();
    private final RecordRows rows;
    private final BatchTransaction transaction;
    private final HostBudget budget;
    private final AtomicBoolean running = new AtomicBoolean();
    private final PageRetries retries;
    private final PassPlanner planner;
    private volatile CheckpointStore store;
    private volatile LandedPages landedPages;
    private volatile boolean failedPagesPending;

    public PaginatedSource(SourceSettings settings, CamelContext context) {
        this.settings = settings;
        this.budget = settings.requestsPerSecond() > 0 || settings.adaptiveRate() || settings.maxConcurrentRequests() > 0
                ? HostBudgets.of(context).of(settings.first().origin(),
                        settings.requestsPerSecond() > 0 ? settings.requestsPerSecond() : ADAPTIVE_START,
                        settings.adaptiveRate(), settings.maxConcurrentRequests())
                : null;
        this.retries = new PageRetries(settings, budget, () -> landedPages.keys(), this::prepare);
        this.seenKeys = new SeenKeys(settings.dedupeWindow());
        this.rows = new RecordRows(settings.source(), settings.key(), settings.layout(), mapper);
        this.transaction = new BatchTransaction(() -> dataSource(context));
        this.planner = new PassPlanner(settings);
    }

    /** The source running on {@code exchange} (set when its run starts). */
    public static PaginatedSource of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, PaginatedSource.class);
    }

    /** The budget of the source's API host, or {@code null} when its requests are not throttled. */
    public HostBudget budget() {
        return budget;
    }

    /** Waits for a place among the requests in flight to the host, when their number is limited. */
    public void enterHost() throws InterruptedException {
        if (budget != null) {
            budget.enter();
        }
    }

    /** The request to the host ended. */
    public void leaveHost() {
        if (budget != null) {
            budget.leave();
        }
    }

    /** Whether the host's requests per second are limited (known or adaptive). */
    public boolean rateLimited() {
        return settings.requestsPerSecond() > 0 || settings.adaptiveRate();
    }

    /** The repository of keys seen in the current run (the most recent {@code dedupeWindow} of them). */
    public IdempotentRepository seenKeys() {
        return seenKeys;
    }

    /**
     * The policy around a flush: one transaction for the sink's batch, the landed pages and the
     * checkpoint when any of them is in the database; none otherwise.
     */
    public Policy flushTransaction() {
        return settings.checkpoints() || settings.table() != null ? transaction : NO_TRANSACTION;
    }

    /**
     * Starts a run as {@link #start} does, unless one of this source is going: then the trigger is
     * skipped (logged, the exchange stopped), not queued. A run ends, and frees the source, when its
     * summary is published, failed or not.
     */
    public void startExclusive(Exchange exchange) throws Exception {
        if (!running.compareAndSet(false, true)) {
            LOG.warn("{}: a run is still going; this trigger is skipped", settings.source());
            exchange.setRouteStop(true);
            return;
        }
        try {
            start(exchange);
        } catch (Exception e) {
            running.set(false);
            throw e;
        }
    }

    /**
     * Starts a run: plans its sessions (resuming the pass an earlier run left open, or a new pass from
     * the high-water mark) and makes sure the landing table exists.
     */
    public void start(Exchange exchange) throws Exception {
        exchange.setProperty(PROPERTY, this);
        String endpoint = HTTP_COMPONENT + "://caravan?" + settings.httpOptions();
        exchange.setProperty(HTTP_ENDPOINT, endpoint);
        // Created now, not after the host's budget let the first request go: it must go at once.
        exchange.getContext().getEndpoint(endpoint);
        seenKeys.clear();
        PassRun pass;
        if (settings.checkpoints()) {
            CheckpointStore checkpoints = store(exchange.getContext());
            pass = transaction.separatelyGet(() -> planner.plan(checkpoints, landedPages));
            failedPagesPending = !checkpoints.failedPages().of(settings.source()).isEmpty();
        } else {
            pass = planner.planStateless();
        }
        if (settings.table() != null) {
            settings.table().upsertSql(dataSource(exchange.getContext()));
        }
        exchange.setProperty(PassRun.PROPERTY, pass);
    }

    /** Starts a run of the source's own session on {@code exchange} itself (the Kamelet: no sessions beside it). */
    public void startSingle(Exchange exchange) throws Exception {
        start(exchange);
        exchange.getMessage().setBody(PassRun.of(exchange).takePending().get(0));
        openSession(exchange);
    }

    /**
     * Opens the session in the body: at its checkpoint when one is left open, else at its first
     * request; the run of its pages is put on the exchange.
     */
    public void openSession(Exchange exchange) throws Exception {
        Session session = exchange.getMessage().getMandatoryBody(Session.class);
        PassRun pass = PassRun.of(exchange);
        Checkpoint from = PassPlanner.fresh(session, null);
        if (settings.checkpoints()) {
            Optional<Checkpoint> saved = store.load(session.name());
            if (saved.isPresent() && saved.get().resumable()) {
                from = saved.get().ended(RunStatus.RUNNING, null);
                if (from.pages() > 0 || from.pageRecordsDone() > 0) {
                    LOG.info("{}: resuming {}at page {} ({} records landed in this pass)", settings.source(),
                            session.own() ? "" : session.describe() + " ", from.next().pageIndex() + 1, from.records());
                }
            } else if (session.own()) {
                // A new pass of the source's own session keeps the mark it starts from.
                from = PassPlanner.fresh(session, saved.map(Checkpoint::highWaterMark).orElse(null));
            }
            store.save(from);
        }
        SourceRun run = run(from);
        run.session(session);
        run.landedEarlier(pass.landedEarlier());
        if (settings.incremental() != null) {
            run.trackMarks(settings.incremental().axis());
        }
        exchange.setProperty(SourceRun.PROPERTY, run);
        exchange.setProperty(BOUND, settings.incremental() == null || !session.own() ? null
                : settings.incremental().bound(from.highWaterMark()));
    }

    /** The session read its last page, or was stopped by a shutdown with what it fetched committed. */
    public void closeSession(Exchange exchange) {
        SourceRun run = SourceRun.of(exchange);
        RunSummary summary = run.summary(null, 0);
        if (summary.stopped()) {
            if (settings.checkpoints()) {
                store.save(run.committed().ended(RunStatus.STOPPED, null));
            }
            PassRun.of(exchange).stopped(summary);
        } else {
            PassRun.of(exchange).completed(run.session(), summary, run.spawned(), run.collected());
        }
    }

    /** Puts the next request on the message for camel-http, with the source's credentials. */
    public void sendNext(Exchange exchange) {
        prepare(exchange, SourceRun.of(exchange).send());
    }

    /**
     * Puts {@code request} on the message; credentials go only to the source's own origin, never to
     * another one its next pages may be on.
     */
    private void prepare(Exchange exchange, PageRequest request) {
        HttpRequestPreparer.prepare(exchange, request);
        if (request.origin().equals(settings.first().origin())) {
            settings.credentials().apply(exchange.getMessage());
        }
    }


    /** Reads the response body into a JSON tree, within the source's limits; a bad body fails with what it was. */
    public void readResponse(Exchange exchange) throws Exception {
        exchange.getMessage().setBody(settings.reader().read(exchange));
        if (budget != null) {
            budget.succeeded();
        }
        Optional<Duration> pause = settings.rateLimits().pauseAfter(exchange.getMessage().getHeaders(), Instant.now());
        if (pause.isPresent() && !pause.get().isZero()) {
            if (pause.get().compareTo(settings.maxWait()) > 0) {
                throw new IllegalStateException("the API's rate limit is spent and resets in " + pause.get().toSeconds()
                        + " s, more than maxWaitSeconds (" + settings.maxWait().toSeconds() + ")");
            }
            SourceRun.of(exchange).pauseFor(pause.get());
            LOG.info("{}: rate limit budget spent ({}); waiting until {}", settings.source(),
                    settings.rateLimits().remainingHeader(), LocalTime.now().plus(pause.get()).truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /**
     * Reads the response: selects the records, computes the next request, and leaves as the body the
     * rows still to handle (none for a page that landed earlier in the pass), which the run also holds.
     */
    public void readPage(Exchange exchange) throws Exception {
        SourceRun run = SourceRun.of(exchange);
        JsonNode body = exchange.getMessage().getMandatoryBody(JsonNode.class);
        // A later page without the records path ends the run when so configured; the first page fails (wrong config).
        boolean endsWithoutRecords = settings.stopOnMissingRecords() && run.current().pageIndex() > 0
                && !settings.selector().matches(body);
        List<JsonNode> records = endsWithoutRecords ? List.of() : settings.selector().select(body);
        Page page = new Page(run.current(), new CaseInsensitiveMap(exchange.getMessage().getHeaders()), body, records);
        Optional<String> stop = settings.stops().reasonToStop(page, run.pageReceived(page));
        if (endsWithoutRecords) {
            stop = Optional.of("no records path in the page");
        }
        Incremental incremental = settings.incremental();
        Incremental.Span marks = incremental == null ? null : incremental.span(records);
        if (stop.isEmpty() && marks != null && incremental.reachedOlder(marks, exchange.getProperty(BOUND, Long.class))) {
            stop = Optional.of("records older than the high-water mark");
        }
        Optional<PageRequest> next = stop.isPresent() ? Optional.empty()
                : settings.paginator().next(page, settings.following().base(page.request()));
        next = handOver(run, body, next);
        checkWindow(run, body, next.isPresent());
        run.advance(next);
        if (marks != null) {
            run.pageNewest(marks.newest());
        }
        String pageKey = settings.checkpoints() ? RequestJson.pageKey(run.currentFingerprint()) : null;
        // The response headers are read; dropping them spares every split copy of the page.
        exchange.getMessage().getHeaders().clear();
        run.pageRows(pageKey, rows.rows(records));
        exchange.getMessage().setBody(run.pageRowsLeft());
    }

    /**
     * After the first page of a pass whose pages are addressed directly and counted by the API, the
     * rest is handed to page ranges fetched in parallel: this session ends with this page.
     */
    private Optional<PageRequest> handOver(SourceRun run, JsonNode body, Optional<PageRequest> next) {
        ParallelPages parallel = settings.parallelPages();
        if (parallel == null || next.isEmpty() || !run.session().own() || run.current().pageIndex() != 0) {
            return next;
        }
        long total = parallel.total(body);
        if (total < 2) {
            return next;
        }
        run.spawn(parallel.sessions(settings.source(), next.get(), total));
        LOG.info("{}: {} pages; fetching pages 2..{} as {} ranges, {} at once", settings.source(), total, total,
                run.spawnedCount(), settings.concurrency());
        return Optional.empty();
    }

    /** A slice that holds more than the API's result window is not paged further: it is split. */
    private void checkWindow(SourceRun run, JsonNode body, boolean morePages) {
        Backfill backfill = settings.backfill();
        if (backfill == null || run.session().slice() == null) {
            return;
        }
        Long total = backfill.total(body);
        if (backfill.beyondWindow(run.passRecords(), total, morePages)) {
            throw new ResultWindowExceeded("the slice holds more than the result window of " + backfill.resultWindow()
                    + " records" + (total == null ? "" : " (" + total + ")"));
        }
    }

    /**
     * Handles the current page's rows until the batch is full or the page has none left: a row whose
     * key was seen earlier in the run is dropped; the others join the batch, or in collect mode the
     * records returned. A page is handled in as many steps as batches end inside it, not per record.
     */
    public void fillBatch(Exchange exchange) throws Exception {
        SourceRun run = SourceRun.of(exchange);
        while (run.hasPageRows()) {
            Map<String, Object> row = run.nextPageRow();
            if (!seenKeys.add((String) row.get(RecordRows.KEY))) {
                continue;
            }
            if (settings.collects()) {
                run.collect(mapper.readValue((String) row.get(RecordRows.PAYLOAD), Object.class));
            } else {
                run.buffer(row);
                if (run.batchFull()) {
                    return;
                }
            }
        }
    }

    /**
     * Takes the batch due for the sink as the body: a List of row maps, or for the JDBC sink the
     * rows' positional parameters with the upsert statement in {@code CamelSqlQuery}.
     */
    public void takeBatch(Exchange exchange) throws Exception {
        Flush flush = SourceRun.of(exchange).takeBatch();
        exchange.setProperty(FLUSH, flush);
        exchange.getMessage().getHeaders().clear();
        if (settings.table() == null) {
            exchange.getMessage().setBody(flush.rows());
        } else {
            exchange.getMessage().setBody(settings.table().parameters(flush.rows()));
            exchange.getMessage().setHeader("CamelSqlQuery", settings.table().upsertSql(dataSource(exchange.getContext())));
        }
    }

    /** Whether the batch taken has records for the sink (a batch may only complete pages of repeats). */
    public static boolean hasRecords(Exchange exchange) {
        return !exchange.getProperty(FLUSH, Flush.class).rows().isEmpty();
    }

    /** In the batch's transaction, after the sink has it: its pages are landed and the checkpoint moves. */
    public void commit(Exchange exchange) {
        if (!settings.checkpoints()) {
            return;
        }
        Flush flush = exchange.getProperty(FLUSH, Flush.class);
        landedPages.addAll(flush.pageKeys());
        if (failedPagesPending) {
            store.failedPages().resolve(settings.source(), flush.pageKeys());
        }
        store.save(flush.checkpoint());
        for (Session spawned : flush.spawned()) {
            store.save(PassPlanner.fresh(spawned, null));
        }
    }

    /** The batch's transaction committed. */
    public void batchLanded(Exchange exchange) {
        SourceRun.of(exchange).flushCommitted(exchange.getProperty(FLUSH, Flush.class));
    }

    /**
     * The run ended: every session read its last page, failed, or was stopped by a shutdown with what
     * it fetched committed. Its summary is logged and given to every {@link RunObserver}; in collect
     * mode the body is the list of every record. When a session failed, so does the run, with the
     * failure naming the source, the session, the page and the cause.
     */
    public void finish(Exchange exchange) {
        PassRun pass = PassRun.of(exchange);
        if (settings.collects()) {
            exchange.getMessage().getHeaders().clear();
            exchange.getMessage().setBody(pass.collected());
        }
        RunSummary summary = pass.summary(seenKeys.repeats());
        SourceFailedException failure = pass.failure();
        if (settings.checkpoints() && pass.several()) {
            RunStatus status = failure != null ? RunStatus.FAILED : pass.complete() ? RunStatus.COMPLETED : RunStatus.STOPPED;
            try {
                transaction.separately(() -> planner.endPass(store, status, failure == null ? null : failure.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("{}: could not record how the pass ended: {}", settings.source(),
                        settings.credentials().redact(FailureMessage.causeOf(e)));
            }
        }
        if (failure != null && pass.several()) {
            LOG.error(failure.getMessage());
        }
        publish(exchange, summary);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A step failed. In a session: the exception that propagates is replaced by one naming the source,
     * the session, the page and the cause; the failure is recorded in the session's checkpoint (and a
     * page that failed in the failed-pages ledger) once any open transaction has rolled back, and the
     * other sessions go on. A slice past the API's result window is split instead. Outside a session
     * (planning the run): the run fails at once.
     */
    public void fail(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        SourceFailedException reported = ObjectHelper.getException(SourceFailedException.class, cause);
        if (reported != null) {
            // Already reported where it happened (in a session): propagate that one, unwrapped.
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, reported);
            return;
        }
        SourceRun run = exchange.getProperty(SourceRun.PROPERTY, SourceRun.class);
        if (run == null) {
            failRun(exchange, cause);
            return;
        }
        if (!run.markFailed()) {
            return;
        }
        forgetUnlanded(exchange, run);
        if (splitSlice(exchange, run, cause)) {
            return;
        }
        Credentials credentials = settings.credentials();
        Session session = run.session();
        String message = credentials.redact(
                FailureMessage.failureMessage(settings.source(), session.describe(), run.current(), run.flushing(), cause)
                + (run.retryRefusal() == null ? "" : "; " + run.retryRefusal()));
        SourceFailedException failure = new SourceFailedException(message, RedactedFailure.of(cause, credentials::redact));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        LOG.error(message);
        RunSummary summary = run.summary(credentials.redact(FailureMessage.causeOf(cause)), 0);
        PageRequest failedPage = run.flushing() ? null : run.current();
        PassRun pass = PassRun.of(exchange);
        BatchTransaction.afterCurrent(() -> {
            if (settings.checkpoints() && store != null) {
                recordFailure(run.committed().ended(RunStatus.FAILED, message), failedPage, cause);
            }
            pass.failed(summary, failure);
        });
    }

    /**
     * The records the failed session had taken but not landed are forgotten as seen, so another
     * session of the run (the halves of a split slice) lands them rather than dropping them as repeats.
     */
    private void forgetUnlanded(Exchange exchange, SourceRun run) {
        run.batchKeys().forEach(seenKeys::remove);
        Flush inFlight = exchange.getProperty(FLUSH, Flush.class);
        if (run.flushing() && inFlight != null) {
            inFlight.rows().forEach(row -> seenKeys.remove((String) row.get(RecordRows.KEY)));
        }
    }

    /**
     * A slice answered that it holds more than the API's result window: its two halves replace it (in
     * the checkpoints, in one transaction) and are fetched in the next round. False when this is not
     * that answer, or the slice is already at its minimum step.
     */
    private boolean splitSlice(Exchange exchange, SourceRun run, Exception cause) {
        Session slice = run.session();
        boolean beyondWindow = ObjectHelper.getException(ResultWindowExceeded.class, cause) != null
                || settings.backfill() != null && settings.backfill().windowError().matches(cause);
        if (!beyondWindow || slice.slice() == null) {
            return false;
        }
        List<Session> halves = planner.halves(slice);
        if (halves.isEmpty()) {
            run.refuseRetry("the slice is at its minimum step (sliceMinStep) and still holds more than the result window");
            return false;
        }
        PassRun pass = PassRun.of(exchange);
        RunSummary summary = run.summary(null, 0);
        BatchTransaction.afterCurrent(() -> {
            if (settings.checkpoints() && store != null) {
                transaction.separately(() -> {
                    store.forget(slice.name());
                    halves.forEach(half -> store.save(PassPlanner.fresh(half, null)));
                });
            }
            pass.split(slice, summary, halves);
        });
        return true;
    }

    /** The run failed outside its sessions (while planning it): reported at once. */
    private void failRun(Exchange exchange, Exception cause) {
        String message = settings.credentials().redact(
                "source '" + settings.source() + "' failed before its first page: " + FailureMessage.causeOf(cause));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT,
                new SourceFailedException(message, RedactedFailure.of(cause, settings.credentials()::redact)));
        LOG.error(message);
        PassRun pass = exchange.getProperty(PassRun.PROPERTY, PassRun.class);
        RunSummary summary = pass == null ? new PassRun(settings.source(), Set.of(), "sessions").summary(0)
                : pass.summary(seenKeys.repeats());
        publish(exchange, summary.failed(settings.credentials().redact(FailureMessage.causeOf(cause))));
    }

    /** A page is fully handled: it joins the batch (in stream mode), the collect cap is checked, progress reported. */
    public void pageDone(Exchange exchange) {
        SourceRun run = SourceRun.of(exchange);
        if (settings.collects()) {
            run.checkCollected(settings.collectMax());
        }
        run.pageDone(!settings.collects());
        PassRun.of(exchange).pageRead(run.pageRecords());
    }

    /** The rules by which the request in flight is sent again. */
    public PageRetries retries() {
        return retries;
    }

    private SourceRun run(Checkpoint from) {
        return new SourceRun(from, settings.maxPages(), settings.flush(), settings.stopOnRepeat(), settings.otherOrigins(),
                System::nanoTime);
    }

    private void recordFailure(Checkpoint failed, PageRequest page, Exception cause) {
        try {
            transaction.separately(() -> {
                if (page != null) {
                    HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, cause);
                    store.failedPages().record(settings.source(), page, http == null ? null : http.getStatusCode(),
                            settings.credentials().redact(FailureMessage.causeOf(cause)));
                }
                store.save(failed);
            });
        } catch (RuntimeException e) {
            LOG.warn("{}: could not record the failure in the checkpoint store: {}", settings.source(),
                    settings.credentials().redact(FailureMessage.causeOf(e)));
        }
    }

    private CheckpointStore store(CamelContext context) throws Exception {
        if (store == null) {
            synchronized (this) {
                if (store == null) {
                    CheckpointStore opened = CheckpointStore.open(dataSource(context));
                    landedPages = opened.landedPages(settings.source());
                    store = opened;
                }
            }
        }
        return store;
    }

    private DataSource dataSource(CamelContext context) {
        DataSource dataSource = context.getRegistry().lookupByNameAndType(settings.dataSource(), DataSource.class);
        if (dataSource == null) {
            throw new IllegalStateException("no DataSource bean named '" + settings.dataSource() + "'");
        }
        return dataSource;
    }

    private void publish(Exchange exchange, RunSummary summary) {
        running.set(false);
        LOG.info(summary.describe());
        for (RunObserver observer : exchange.getContext().getRegistry().findByType(RunObserver.class)) {
            observer.finished(summary);
        }
    }
}
