package io.caravan.route;

import io.caravan.response.BadResponseException;
import io.caravan.run.PassRun;
import io.caravan.run.SourceRun;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.FilterDefinition;
import org.apache.camel.model.LoopDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.processor.aggregate.UseOriginalAggregationStrategy;
import org.apache.camel.spi.Policy;
import org.apache.camel.support.ExpressionAdapter;

/**
 * The route template {@value #ID}: walks every page of a paginated HTTP API and hands every record,
 * once, to a sink. Instantiate it from YAML with {@code templatedRoute} / {@code routeTemplateRef},
 * or from Java with {@code TemplatedRouteBuilder}.
 *
 * <pre>
 * trigger -> plan the run: resume the open pass's sessions, or a new pass from the high-water mark
 * -> loopDoWhile(sessions pending) -> split(sessions, concurrency) -> open the session at its checkpoint
 *   -> loopDoWhile(next request)
 *     -> fetch route: host budget -> camel-http (retried at the node for 429 / 5xx / I/O)
 *     -> read page (records + next request; the first page may hand the rest to page ranges)
 *     -> the page's rows a batch at a time: idempotent check on the key -> batch full: flush
 *     -> page end, when the flush policy says so or the pages ran out: flush
 *   -> stopped by a shutdown: flush -> the session ends (a slice past the result window: split in two)
 * -> summary
 *
 * flush = one transaction { sink <- batch; landed pages + checkpoint }
 * </pre>
 */
public final class PaginatedHttpRouteTemplate extends RouteBuilder {

    /** The template's id. */
    public static final String ID = "caravan-paginated-http";


    @Override
    public void configure() {
        RouteTemplateDefinition template = routeTemplate(ID)
            .templateParameter("source", null, "Name of the source: in progress lines, errors and summaries")
            .templateParameter("url", null, "URL of the first page")
            .templateParameter("pagination", null,
                    "pageNumber | offset | lastRecordCursor | bodyCursor | headerToken | nextUrl | linkHeader"
                            + " | lastRecordTime | timeWindow | templated")
            .templateParameter("trigger", "timer:{{source}}?repeatCount=1&delay=0", "Endpoint that starts a run")
            .templateParameter("method", "GET", "HTTP method of the first request")
            .templateParameter("body", "", "JSON body of the first request")
            .templateParameter("nextPagesUrl", "", "Endpoint of the pages after the first (absolute, or relative to url)")
            .templateParameter("nextPagesMethod", "", "HTTP method of the pages after the first")
            .templateParameter("replaceBodyOnNextPages", "false", "Start the body of later pages afresh")
            .templateParameter("recordsPath", "$", "JSONPath to the array of records")
            .templateParameter("keyPath", "", "JSONPath to a record's key; blank: a hash of the record")
            .templateParameter("pageSizeParam", "", "Where the page size goes (query name, header:N, body:path)")
            .templateParameter("pageSize", "", "Page size to ask for")
            .templateParameter("pageParam", "page", "pageNumber: where the page number goes")
            .templateParameter("firstPage", "1", "pageNumber: number of the first page (0 or 1)")
            .templateParameter("offsetParam", "offset", "offset: where the offset goes")
            .templateParameter("offsetStep", "pageSize", "offset: advance by pageSize or by the records returned")
            .templateParameter("cursorParam", "cursor", "Cursor styles: where the cursor or token goes")
            .templateParameter("cursorField", "id", "lastRecordCursor: JSONPath in a record of the cursor value")
            .templateParameter("cursorPath", "", "bodyCursor: JSONPath to the next cursor in the body")
            .templateParameter("tokenHeader", "", "headerToken: response header carrying the next token")
            .templateParameter("nextUrlPath", "", "nextUrl: JSONPath to the next page's URL in the body")
            .templateParameter("linkHeader", "Link", "linkHeader: the response header with RFC 8288 links")
            .templateParameter("timeField", "updated_at", "lastRecordTime: JSONPath in a record of its timestamp")
            .templateParameter("startParam", "start_time", "Time styles: where the start time goes")
            .templateParameter("endParam", "end_time", "timeWindow: where a window's end goes")
            .templateParameter("windowStart", "", "Time styles: the first start time (ISO-8601 instant)")
            .templateParameter("windowEnd", "", "timeWindow: the end of the last window (default: now, read as the run goes)")
            .templateParameter("windowStep", "", "timeWindow: the length of a window (ISO-8601 duration, e.g. P1D)")
            .templateParameter("nextRequests", "", "templated: JSON array of rules building the next request")
            .templateParameter("stopOnEmptyPage", "auto", "Stop on an empty page: auto (pageNumber, offset), true, false")
            .templateParameter("hasMorePath", "", "Stop when the flag at this JSONPath is false")
            .templateParameter("totalPagesPath", "", "Stop when this many pages (JSONPath, read once) are read")
            .templateParameter("totalRecordsPath", "", "Stop when this many records (JSONPath, read once) are read")
            .templateParameter("stopOnShortPage", "false", "Stop on a page with fewer than pageSize records")
            .templateParameter("stopAfterPages", "", "Stop (successfully) after this many pages")
            .templateParameter("stopAfterRecords", "", "Stop (successfully) after this many records")
            .templateParameter("onRepeatedRequest", "fail", "A request repeating one already sent: fail or stop")
            .templateParameter("mode", "stream", "stream: batches to the sink; collect: return all records to the caller")
            .templateParameter("collectMaxRecords", "10000", "collect: the most records returned; more fails the run")
            .templateParameter("maxPages", "100000", "Hard page cap: the run fails if the API offers more")
            .templateParameter("batchSize", "1000", "Flush a batch to the sink at this many records")
            .templateParameter("flushPages", "0", "Flush at a page end once the batch spans this many pages (0: no limit)")
            .templateParameter("flushBytes", "16777216", "Flush once the batch holds this many bytes of record JSON (0: no limit)")
            .templateParameter("flushSeconds", "30", "Flush at a page end once the batch is this old (0: no limit)")
            .templateParameter("checkpoint", "true", "Commit a checkpoint with every batch and resume from it (stream mode)")
            .templateParameter("dedupeWindow", "100000", "Recent record keys remembered to drop repeats")
            .templateParameter("table", "", "Landing table of the default JDBC sink")
            .templateParameter("updatedAtPath", "", "JSONPath of the record's update time, landed as updated_at")
            .templateParameter("columns", "", "Extra landing columns: name=$.json.path, comma-separated")
            .templateParameter("dataSource", "caravanDataSource", "DataSource bean of the JDBC sink and the checkpoints")
            .templateParameter("sink", "sql:caravan-upsert?dataSource=#{{dataSource}}&batch=true",
                    "Endpoint receiving each batch (a List of row maps)")
            .templateParameter("auth", "none", "none | bearer | basic | apiKey | oauth2")
            .templateParameter("authToken", "", "bearer: the token")
            .templateParameter("authUser", "", "basic: the user")
            .templateParameter("authPassword", "", "basic: the password")
            .templateParameter("apiKeyParam", "", "apiKey: where the key goes: header:Name or query:name")
            .templateParameter("apiKey", "", "apiKey: the key")
            .templateParameter("tokenUrl", "", "oauth2: the token endpoint (client credentials grant)")
            .templateParameter("clientId", "", "oauth2: the client id")
            .templateParameter("clientSecret", "", "oauth2: the client secret")
            .templateParameter("scope", "", "oauth2: the scope to ask for")
            .templateParameter("maxRetries", "5", "Retries of a page after 429, 5xx or an I/O error")
            .templateParameter("retryDelayMs", "200", "First retry delay; doubles on each retry")
            .templateParameter("maxResponseBytes", "52428800", "The largest response body read (bytes); a larger one fails the run")
            .templateParameter("maxJsonDepth", "200", "The deepest JSON nesting read; deeper fails the run")
            .templateParameter("onMissingRecords", "fail", "A later page without the records path: fail or stop")
            .templateParameter("restartOn", "", "The answer meaning an expired cursor (status[:body text]): restart the pass")
            .templateParameter("rateLimitStatuses", "429", "Statuses meaning rate limited, comma-separated (e.g. 429,403)")
            .templateParameter("rateLimitRemainingHeader", "X-RateLimit-Remaining", "Header with the requests left in the window")
            .templateParameter("rateLimitResetHeader", "X-RateLimit-Reset", "Header with the window's reset (epoch or seconds from now)")
            .templateParameter("rateLimitReserve", "0", "Pause until the reset once this few requests are left")
            .templateParameter("requestsPerSecond", "0", "The API host's limit, shared by every source calling it (0: none)")
            .templateParameter("adaptiveRate", "false", "Find the host's unknown limit: halve on 429, grow on success")
            .templateParameter("allowedOrigins", "", "Other origins next pages may be on, comma-separated (no credentials go there)")
            .templateParameter("maxConcurrentRequests", "0", "The most requests in flight to the API host at once (0: no limit)")
            .templateParameter("maxWaitSeconds", "300", "The longest wait for a rate limit; a longer one fails the run")
            .templateParameter("incrementalField", "", "Incremental: JSONPath in a record of its high-water mark (updated_at, an id)")
            .templateParameter("incrementalParam", "since", "Incremental: where the bound goes (query name, header:N, body:path, path:placeholder)")
            .templateParameter("lookback", "", "Incremental: how far before the mark a pass starts (ISO-8601 duration; a number for ids)")
            .templateParameter("incrementalStart", "", "Incremental: the bound of the first pass (blank: everything)")
            .templateParameter("newestFirst", "false", "Incremental: the API returns newest first; stop at records older than the bound")
            .templateParameter("timeFormat", "iso", "How time bounds are written: iso, epochSeconds, epochMillis or date")
            .templateParameter("sliceFrom", "", "Backfill: the range's start (ISO-8601 instant or date, or a number)")
            .templateParameter("sliceUntil", "", "Backfill: the range's end, exclusive (default: when the pass starts)")
            .templateParameter("sliceStep", "", "Backfill: the length of a slice (ISO-8601 duration, e.g. P1D; a number for ids)")
            .templateParameter("sliceMinStep", "", "Backfill: the shortest slice a split makes (default: 1 ms, or 1)")
            .templateParameter("sliceStartParam", "since", "Backfill: where a slice's start goes")
            .templateParameter("sliceEndParam", "until", "Backfill: where a slice's end goes")
            .templateParameter("resultWindow", "0", "Backfill: the most records the API pages through in one query (0: no limit)")
            .templateParameter("resultWindowError", "", "Backfill: the answer refusing a page past the window (status[:body text])")
            .templateParameter("parallelPages", "false", "Fetch the pages after the first in parallel ranges (pageNumber, offset)")
            .templateParameter("concurrency", "1", "Sessions (slices, page ranges) fetched at once, within the host's budget")
            .templateParameter("connectTimeoutMs", "10000", "HTTP connect timeout")
            .templateParameter("readTimeoutMs", "30000", "HTTP response timeout")
            .configure(rtc -> {
                SourceSettings settings = SourceSettings.from(name -> {
                    String value = rtc.getProperty(name, String.class);
                    return value == null ? null : rtc.getCamelContext().resolvePropertyPlaceholders(value);
                }, rtc.getCamelContext());
                PaginatedSource source = new PaginatedSource(settings, rtc.getCamelContext());
                rtc.bind("caravanTx", Policy.class, source.flushTransaction());
                rtc.bind("caravanStart", Processor.class, (Processor) source::startExclusive);
                rtc.bind("caravanOpenSession", Processor.class, (Processor) source::openSession);
                rtc.bind("caravanCloseSession", Processor.class, (Processor) source::closeSession);
                rtc.bind("caravanSessions", ExecutorService.class, rtc.getCamelContext().getExecutorServiceManager()
                        .newFixedThreadPool(source, "caravan-" + settings.source(), settings.concurrency()));
                rtc.bind("caravanSendNext", Processor.class, (Processor) source::sendNext);
                rtc.bind("caravanReadPage", Processor.class, (Processor) source::readPage);
                rtc.bind("caravanFillBatch", Processor.class, (Processor) source::fillBatch);
                rtc.bind("caravanTakeBatch", Processor.class, (Processor) source::takeBatch);
                rtc.bind("caravanCommit", Processor.class, (Processor) source::commit);
                rtc.bind("caravanBatchLanded", Processor.class, (Processor) source::batchLanded);
                rtc.bind("caravanPageDone", Processor.class, (Processor) source::pageDone);
                rtc.bind("caravanFinish", Processor.class, (Processor) source::finish);
                rtc.bind("caravanFail", Processor.class, (Processor) source::fail);
                rtc.bind("caravanRetried", Processor.class, (Processor) source.retries()::retried);
                rtc.bind("caravanRetryDelay", Processor.class, (Processor) source.retries()::retryDelay);
            });
        RouteDefinition route = template.from("{{trigger}}");
        route.onException(HttpOperationFailedException.class, IOException.class, BadResponseException.class)
                // Only a session's request is retried (a run's failure, raised after its sessions, is not).
                .onWhen(exchange -> exchange.getProperty(SourceRun.PROPERTY) != null
                        && PaginatedSource.of(exchange).retries().retryable(exchange))
                .maximumRedeliveries("{{maxRetries}}").redeliveryDelay("{{retryDelayMs}}")
                .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(30_000)
                // Jitter: each backoff varies by ±15 %, so clients failing together do not retry together.
                .useCollisionAvoidance().collisionAvoidanceFactor(0.15)
                .logRetryAttempted(false).logExhausted(false)
                .onExceptionOccurredRef("{{caravanRetryDelay}}")
                .onRedeliveryRef("{{caravanRetried}}")
                .process("{{caravanFail}}")
            .end();
        route.onException(Exception.class)
                .logExhausted(false)
                .process("{{caravanFail}}")
            .end();
        route.process("{{caravanStart}}");
        // Rounds of sessions: those planned, then those a round spawned (halves of a slice past the result window).
        LoopDefinition rounds = route.loopDoWhile(exchange -> PassRun.of(exchange).hasPending()).breakOnShutdown();
        // Each session (the source's own, a slice, a page range) on its own exchange, several at once;
        // one that fails is recorded and the others go on.
        SplitDefinition sessions = rounds.split(new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return PassRun.of(exchange).takePending();
            }
        }, new UseOriginalAggregationStrategy(false)).parallelProcessing().executorService("{{caravanSessions}}");
        sessions.process("{{caravanOpenSession}}");
        LoopDefinition pages = sessions.loopDoWhile(exchange -> SourceRun.of(exchange).hasNext()).breakOnShutdown();
        // A rate limit's budget spent: wait for its window to reset before the next request.
        pages.delay(new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return SourceRun.of(exchange).pauseMillis();
            }
        }).syncDelayed();
        pages.process("{{caravanSendNext}}")
            .to(FetchRoute.FETCH)
            .process("{{caravanReadPage}}");
        // The page's rows, a batch at a time: one step per batch that ends inside the page, not per record.
        LoopDefinition pageRows = pages.loopDoWhile(exchange -> SourceRun.of(exchange).hasPageRows());
        pageRows.process("{{caravanFillBatch}}");
        flush(pageRows.filter(exchange -> SourceRun.of(exchange).flushDueInPage()));
        pages.process("{{caravanPageDone}}");
        flush(pages.filter(exchange -> SourceRun.of(exchange).flushDueAtPageEnd()));
        // A session stopped by a shutdown lands what it fetched before it ends.
        flush(sessions.filter(exchange -> SourceRun.of(exchange).hasUnlanded()));
        sessions.process("{{caravanCloseSession}}");
        route.process("{{caravanFinish}}");

        FetchRoute.defineIn(this);
    }

    /**
     * The flush: in one transaction, the batch to the sink, then its pages and checkpoint committed;
     * then the run counts it as landed.
     */
    private static void flush(FilterDefinition due) {
        due.policy("{{caravanTx}}")
                .process("{{caravanTakeBatch}}")
                .filter(PaginatedSource::hasRecords)
                    .to("{{sink}}")
                .end()
                .process("{{caravanCommit}}")
            .end()
            .process("{{caravanBatchLanded}}");
    }
}
