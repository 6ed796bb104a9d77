package io.caravan.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.load.BatchTransaction;
import io.caravan.paging.Page;
import io.caravan.records.RecordRows;
import io.caravan.records.SeenKeys;
import io.caravan.request.Credentials;
import io.caravan.request.HostBudget;
import io.caravan.request.HostBudgets;
import io.caravan.request.HttpRequestPreparer;
import io.caravan.request.PageRequest;
import io.caravan.run.FailureMessage;
import io.caravan.run.Flush;
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
            if (exchange.getProperty(SourceRun.PROPERTY) == null) {
                running.set(false);
            }
            throw e;
        }
    }

    /**
     * Starts a run: at the source's checkpoint when its last pass did not complete, else at the
     * first request with the pass's landed pages forgotten; the landing table exists.
     */
    public void start(Exchange exchange) throws Exception {
        exchange.setProperty(PROPERTY, this);
        String endpoint = HTTP_COMPONENT + "://caravan?" + settings.httpOptions();
        exchange.setProperty(HTTP_ENDPOINT, endpoint);
        // Created now, not after the host's budget let the first request go: it must go at once.
        exchange.getContext().getEndpoint(endpoint);
        seenKeys.clear();
        Checkpoint from = new Checkpoint(settings.source(), RunStatus.RUNNING,
                settings.paginator().first(settings.first()), 0, null, null, 0, 0, null, Instant.now());
        exchange.setProperty(SourceRun.PROPERTY, run(from));
        if (settings.checkpoints()) {
            CheckpointStore checkpoints = store(exchange.getContext());
            Optional<Checkpoint> saved = checkpoints.load(settings.source());
            Set<String> landedEarlier = Set.of();
            if (saved.isPresent() && saved.get().resumable()) {
                from = saved.get().ended(RunStatus.RUNNING, null);
                landedEarlier = landedPages.keys();
                LOG.info("{}: resuming at page {} ({} records landed in this pass)", settings.source(),
                        from.next().pageIndex() + 1, from.records());
            } else {
                landedPages.clear();
            }
            checkpoints.save(from);
            failedPagesPending = !checkpoints.failedPages().of(settings.source()).isEmpty();
            SourceRun run = run(from);
            run.landedEarlier(landedEarlier);
            exchange.setProperty(SourceRun.PROPERTY, run);
        }
        if (settings.table() != null) {
            settings.table().upsertSql(dataSource(exchange.getContext()));
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
        Optional<PageRequest> next = stop.isPresent() ? Optional.empty()
                : settings.paginator().next(page, settings.following().base(page.request()));
        run.advance(next);
        String pageKey = settings.checkpoints() ? RequestJson.pageKey(run.currentFingerprint()) : null;
        // The response headers are read; dropping them spares every split copy of the page.
        exchange.getMessage().getHeaders().clear();
        run.pageRows(pageKey, rows.rows(records));
        exchange.getMessage().setBody(run.pageRowsLeft());
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
    }

    /** The batch's transaction committed. */
    public void batchLanded(Exchange exchange) {
        SourceRun.of(exchange).flushCommitted(exchange.getProperty(FLUSH, Flush.class));
    }

    /**
     * The run ended without failing: every page read, or stopped early by a shutdown with what it
     * fetched committed. Its summary is logged and given to every {@link RunObserver}; in collect
     * mode the body is the list of every record.
     */
    public void finish(Exchange exchange) {
        SourceRun run = SourceRun.of(exchange);
        if (settings.collects()) {
            exchange.getMessage().getHeaders().clear();
            exchange.getMessage().setBody(run.collected());
        }
        RunSummary summary = run.summary(null, seenKeys.repeats());
        if (settings.checkpoints() && summary.stopped()) {
            store.save(run.committed().ended(RunStatus.STOPPED, null));
        }
        publish(exchange, summary);
    }

    /**
     * The run failed: the exception that propagates is replaced by one naming the source, the page
     * and the cause; the failure is recorded in the checkpoint (and a page that failed in the
     * failed-pages ledger) once any open transaction has rolled back, and the summary is published.
     */
    public void fail(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        SourceFailedException reported = ObjectHelper.getException(SourceFailedException.class, cause);
        if (reported != null) {
            // Already reported where it happened (inside the split): propagate that one, unwrapped.
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, reported);
            return;
        }
        SourceRun run = exchange.getProperty(SourceRun.PROPERTY, SourceRun.class);
        if (run == null || !run.markFailed()) {
            return;
        }
        Credentials credentials = settings.credentials();
        String message = credentials.redact(
                FailureMessage.failureMessage(settings.source(), run.current(), run.flushing(), cause)
                + (run.retryRefusal() == null ? "" : "; " + run.retryRefusal()));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT,
                new SourceFailedException(message, RedactedFailure.of(cause, credentials::redact)));
        LOG.error(message);
        RunSummary summary = run.summary(credentials.redact(FailureMessage.causeOf(cause)), seenKeys.repeats());
        PageRequest failedPage = run.flushing() ? null : run.current();
        BatchTransaction.afterCurrent(() -> {
            if (settings.checkpoints() && store != null) {
                recordFailure(run.committed().ended(RunStatus.FAILED, message), failedPage, cause);
            }
            publish(exchange, summary);
        });
    }

    /** A page is fully handled: it joins the batch (in stream mode), the collect cap is checked, progress reported. */
    public void pageDone(Exchange exchange) {
        SourceRun run = SourceRun.of(exchange);
        if (settings.collects()) {
            run.checkCollected(settings.collectMax());
        }
        run.pageDone(!settings.collects());
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
