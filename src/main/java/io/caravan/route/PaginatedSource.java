package io.caravan.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.load.JdbcLandingTable;
import io.caravan.paging.Page;
import io.caravan.records.RecordRows;
import io.caravan.records.SeenKeys;
import io.caravan.request.HttpRequestPreparer;
import io.caravan.request.PageRequest;
import io.caravan.run.FailureMessage;
import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.run.SourceRun;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.util.CaseInsensitiveMap;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the page loop for one source, each a processor the route template calls: start a
 * run, prepare the next request, read a page, hand a batch to the sink, finish or fail the run.
 */
public final class PaginatedSource {

    private static final Logger LOG = LoggerFactory.getLogger(PaginatedSource.class);
    private static final String BATCH_SIZE = "CaravanBatchSize";

    private final SourceSettings settings;
    private final SeenKeys seenKeys;
    private final ObjectMapper mapper = new ObjectMapper();
    private final RecordRows rows;

    public PaginatedSource(SourceSettings settings) {
        this.settings = settings;
        this.seenKeys = new SeenKeys(settings.dedupeWindow());
        this.rows = new RecordRows(settings.source(), settings.key(), mapper);
    }

    /** The repository of keys seen in the current run (the most recent {@code dedupeWindow} of them). */
    public IdempotentRepository seenKeys() {
        return seenKeys;
    }

    /** Starts a run: the landing table exists, the first request, fresh counters, no keys seen. */
    public void start(Exchange exchange) throws Exception {
        seenKeys.clear();
        PageRequest first = settings.paginator().first(settings.first());
        exchange.setProperty(SourceRun.PROPERTY,
                new SourceRun(settings.source(), first, settings.maxPages(), settings.batchSize(), settings.stopOnRepeat()));
        if (settings.table() != null) {
            settings.table().upsertSql(dataSource(exchange));
        }
    }

    /** Puts the next request on the message for camel-http. */
    public void sendNext(Exchange exchange) {
        HttpRequestPreparer.prepare(exchange, SourceRun.of(exchange).send());
    }

    /** Reads the response: selects the records, computes the next request, leaves the rows as the body. */
    public void readPage(Exchange exchange) throws Exception {
        SourceRun run = SourceRun.of(exchange);
        JsonNode body;
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            body = mapper.readTree(in);
        }
        if (body == null || body.isMissingNode()) {
            throw new IllegalArgumentException("empty response body");
        }
        List<JsonNode> records = settings.selector().select(body);
        Page page = new Page(run.current(), new CaseInsensitiveMap(exchange.getMessage().getHeaders()), body, records);
        Optional<String> stop = settings.stops().reasonToStop(page, run.pageReceived(page));
        Optional<PageRequest> next = stop.isPresent() ? Optional.empty()
                : settings.paginator().next(page, settings.following().base(page.request()));
        run.advance(next);
        // The response headers are read; dropping them spares every split copy of the page.
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(rows.rows(records));
    }

    /** A row past the duplicate check joins the batch, or in collect mode the records returned. */
    public void keep(Exchange exchange) throws Exception {
        SourceRun run = SourceRun.of(exchange);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        if (settings.collects()) {
            run.collect(mapper.readValue((String) row.get(RecordRows.PAYLOAD), Object.class));
        } else {
            run.buffer(row);
        }
    }

    /**
     * Takes the batch due for the sink as the body: a List of row maps, or for the JDBC sink the
     * rows' positional parameters with the upsert statement in {@code CamelSqlQuery}.
     */
    public void takeBatch(Exchange exchange) throws Exception {
        List<Map<String, Object>> batch = SourceRun.of(exchange).takeBatch();
        exchange.setProperty(BATCH_SIZE, batch.size());
        exchange.getMessage().getHeaders().clear();
        if (settings.table() == null) {
            exchange.getMessage().setBody(batch);
        } else {
            exchange.getMessage().setBody(JdbcLandingTable.parameters(batch));
            exchange.getMessage().setHeader("CamelSqlQuery", settings.table().upsertSql(dataSource(exchange)));
        }
    }

    /** The sink accepted the batch taken last. */
    public void batchLanded(Exchange exchange) {
        SourceRun.of(exchange).batchLanded(exchange.getProperty(BATCH_SIZE, 0, Integer.class));
    }

    /**
     * The run completed: its summary is logged and given to every {@link RunObserver}; in collect
     * mode the body is the list of every record.
     */
    public void finish(Exchange exchange) {
        SourceRun run = SourceRun.of(exchange);
        if (settings.collects()) {
            exchange.getMessage().getHeaders().clear();
            exchange.getMessage().setBody(run.collected());
        }
        publish(exchange, run.summary(null, seenKeys.repeats()));
    }

    /**
     * The run failed: the exception that propagates is replaced by one naming the source, the page
     * and the cause, and the summary is published.
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
        String message = FailureMessage.failureMessage(settings.source(), run.current(), cause);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new SourceFailedException(message, cause));
        LOG.error(message);
        publish(exchange, run.summary(FailureMessage.causeOf(cause), seenKeys.repeats()));
    }

    /** A page is fully handled: the collect cap is checked and progress reported. */
    public void pageDone(Exchange exchange) {
        SourceRun run = SourceRun.of(exchange);
        if (settings.collects()) {
            run.checkCollected(settings.collectMax());
        }
        run.pageDone();
    }

    /** A request was sent again after a retriable failure. */
    public void retried(Exchange exchange) {
        SourceRun.of(exchange).retried();
    }

    private DataSource dataSource(Exchange exchange) {
        DataSource dataSource = exchange.getContext().getRegistry()
                .lookupByNameAndType(settings.dataSource(), DataSource.class);
        if (dataSource == null) {
            throw new IllegalStateException("no DataSource bean named '" + settings.dataSource() + "'");
        }
        return dataSource;
    }

    private static void publish(Exchange exchange, RunSummary summary) {
        LOG.info(summary.describe());
        for (RunObserver observer : exchange.getContext().getRegistry().findByType(RunObserver.class)) {
            observer.finished(summary);
        }
    }
}
