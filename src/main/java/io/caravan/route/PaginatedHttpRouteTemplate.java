package io.caravan.route;

import io.caravan.cluster.SharedPass;
import io.caravan.cluster.SourceLeadership;
import io.caravan.config.Parameter;
import io.caravan.config.Parameters;
import io.caravan.config.RouteFiles;
import io.caravan.config.SourceParameters;
import io.caravan.config.SourceSettings;
import io.caravan.load.DefaultDataSource;
import io.caravan.load.FlushSteps;
import io.caravan.load.RefusedRecords;
import io.caravan.run.Source;
import io.caravan.run.SourceHealthCheck;
import io.caravan.request.PageAhead;
import io.caravan.response.BadResponseException;
import io.caravan.response.RetryRules;
import io.caravan.run.Run;
import io.caravan.run.SessionRun;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.FilterDefinition;
import org.apache.camel.model.LoopDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.processor.aggregate.UseOriginalAggregationStrategy;
import org.apache.camel.spi.Policy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.ExpressionAdapter;

/**
 * The route template {@value #ID}: walks every page of a paginated HTTP API and hands every record,
 * once, to a sink. Instantiate it from YAML with {@code templatedRoute} / {@code routeTemplateRef},
 * or from Java with {@code TemplatedRouteBuilder}.
 *
 * <pre>
 * trigger -> plan the run: resume the open pass's sessions, or a new pass from the high-water mark
 * -> loopDoWhile(sessions pending, or held by other replicas of a shared pass)
 *   -> shared pass with nothing left here: count the others' done, take over the expired; none: wait
 *   -> split(sessions, concurrency) -> open the session at its checkpoint (shared pass: once leased here)
 *     -> loopDoWhile(next request)
 *       -> fetch route: host budget -> camel-http (retried at the node for 429 / 5xx / I/O)
 *       -> read page (records + next request; the first page may hand the rest to page ranges)
 *       -> the next request sent ahead (prefetch): it is fetched while this page lands
 *       -> the page's rows a batch at a time: idempotent check on the key -> batch full: flush
 *       -> page end, when the flush policy says so or the pages ran out: flush
 *     -> stopped by a shutdown: flush -> the session ends (a slice past the result window: split in two)
 * -> summary
 *
 * flush = one transaction { sink <- batch (a record the database refuses: quarantined); landed pages + checkpoint }
 * </pre>
 */
public final class PaginatedHttpRouteTemplate extends RouteBuilder {

    /** The template's id. */
    public static final String ID = "caravan-paginated-http";


    /**
     * Defines the template and the fetch route, unless the context has them already (the
     * {@link CaravanContextPlugin} adds them to every context; a host that also adds this builder
     * itself gets them once).
     */
    @Override
    public void configure() {
        if (getCamelContext().getCamelContextExtension().getContextPlugin(Model.class).getRouteTemplateDefinition(ID) != null) {
            return;
        }
        RouteFiles.of(getCamelContext(), ID);
        RouteTemplateDefinition template = routeTemplate(ID);
        for (Parameter<?> parameter : Parameters.all()) {
            // Required ones are checked when the route is created (naming the route and its file), not by Camel.
            if (parameter.defaultValue() != null) {
                template.templateParameter(parameter.name(), parameter.defaultValue(), parameter.description());
            } else {
                template.templateOptionalParameter(parameter.name(), parameter.description());
            }
        }
        template.configure(rtc -> {
            CamelContext context = rtc.getCamelContext();
            Object source = rtc.getParameters().get(Parameters.SOURCE_NAME.name());
            String where = RouteFiles.of(context, ID).describe(routeIdOf(rtc), source == null ? null : source.toString());
            SourceSettings settings = SourceSettings.read(SourceParameters.read(rtc.getParameters(), where, context), context);
            if (settings.load().usesDatabase() && DefaultDataSource.BEAN.equals(settings.load().dataSource())) {
                // Before the sink's endpoint looks the bean up: the embedded default where the host bound none.
                DefaultDataSource.in(context);
            }
            SourceSteps steps = SourceSteps.of(settings, context, settings.load().sink());
            SourceHealthCheck.register(context, steps.source());
            rtc.bind("caravanTx", Policy.class, steps.flush().transaction());
            rtc.bind("caravanLeadership", RoutePolicy.class, SourceLeadership.of(context, settings.source(),
                    settings.plan().sharePass()));
            RefusedRecords refusals = steps.source().refusals();
            bindStep(rtc, "caravanMarkBatch", refusals::mark);
            bindStep(rtc, "caravanReleaseBatch", refusals::release);
            bindStep(rtc, "caravanLandOneByOne", refusals::landOneByOne);
            bindStep(rtc, "caravanStart", steps.start()::startExclusive);
            bindStep(rtc, "caravanWatchPass", steps.start()::watchPass);
            bindStep(rtc, "caravanOpenSession", steps.sessions()::open);
            bindStep(rtc, "caravanCloseSession", steps.sessions()::close);
            rtc.bind("caravanSessions", ExecutorService.class, context.getExecutorServiceManager()
                    .newFixedThreadPool(steps.source(), "caravan-" + settings.source(), settings.plan().concurrency()));
            bindStep(rtc, "caravanSendNext", steps.requests()::sendNext);
            bindStep(rtc, "caravanReadPage", steps.pages()::read);
            bindStep(rtc, "caravanSendAhead", steps.ahead()::send);
            bindStep(rtc, "caravanFillBatch", steps.batches()::fill);
            bindStep(rtc, "caravanTakeBatch", steps.flush()::take);
            bindStep(rtc, "caravanCommit", steps.flush()::commit);
            bindStep(rtc, "caravanBatchLanded", steps.flush()::landed);
            bindStep(rtc, "caravanPageDone", steps.sessions()::pageDone);
            bindStep(rtc, "caravanFinish", steps.finish()::finish);
            bindStep(rtc, "caravanFail", steps.failures()::fail);
            bindStep(rtc, "caravanRetried", steps.retries()::retried);
            bindStep(rtc, "caravanRetryDelay", steps.retries()::retryDelay);
        });
        // With a cluster service, the source runs only on the replica that leads its namespace (unless its pass is shared).
        RouteDefinition route = template.from("{{trigger}}").routePolicyRef("{{caravanLeadership}}");
        route.onException(HttpOperationFailedException.class, IOException.class, BadResponseException.class)
                // Only a session's request is retried (a run's failure, raised after its sessions, is not).
                .onWhen(exchange -> exchange.getProperty(SessionRun.PROPERTY) != null
                        && RetryRules.of(exchange).retryable(exchange))
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
        // A pass shared by replicas goes on while others hold its sessions: they may die, and theirs be taken over.
        LoopDefinition rounds = route.loopDoWhile(exchange -> (Run.of(exchange).hasPending() || Run.of(exchange).waitsForOthers())
                && !stopping(exchange)).breakOnShutdown();
        // A shared pass with nothing left here: take over what the others gave up or let expire; else wait a while.
        rounds.process("{{caravanWatchPass}}");
        rounds.delay(new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                SharedPass shared = Source.of(exchange).sharedPass();
                return shared == null ? 0L : shared.waitMillis(Run.of(exchange));
            }
        }).syncDelayed();
        // Each session (the source's own, a slice, a page range) on its own exchange, several at once;
        // one that fails is recorded and the others go on.
        SplitDefinition sessions = rounds.split(new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return Run.of(exchange).takePending();
            }
        }, new UseOriginalAggregationStrategy(false)).parallelProcessing().executorService("{{caravanSessions}}");
        sessions.process("{{caravanOpenSession}}");
        // In a shared pass, a session another replica holds or finished is left to it.
        FilterDefinition leased = sessions.filter(exchange -> exchange.getProperty(SessionRun.PROPERTY) != null);
        // A shutdown (SIGTERM) ends each session at its next page boundary, not when the graceful shutdown times out;
        // a page already fetched ahead lands first, so that the next run fetches no page twice.
        LoopDefinition pages = leased.loopDoWhile(exchange -> SessionRun.of(exchange).hasNext()
                && (!stopping(exchange) || PageAhead.pending(exchange)));
        // A rate limit's budget spent: wait for its window to reset before the next request.
        pages.delay(new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                long pause = SessionRun.of(exchange).retry().pauseMillis();
                if (pause > 0) {
                    Source.of(exchange).meters().waited(pause);
                }
                return pause;
            }
        }).syncDelayed();
        pages.process("{{caravanSendNext}}")
            .to(FetchRoute.FETCH)
            .process("{{caravanReadPage}}")
            // Pipelined pages: the next request leaves now, while this page is landed.
            .process("{{caravanSendAhead}}");
        // The page's rows, a batch at a time: one step per batch that ends inside the page, not per record.
        LoopDefinition pageRows = pages.loopDoWhile(exchange -> SessionRun.of(exchange).rows().hasLeft());
        pageRows.process("{{caravanFillBatch}}");
        flush(pageRows.filter(exchange -> SessionRun.of(exchange).flushDueInPage()));
        pages.process("{{caravanPageDone}}");
        flush(pages.filter(exchange -> SessionRun.of(exchange).flushDueAtPageEnd()));
        // A session stopped by a shutdown lands what it fetched before it ends.
        flush(leased.filter(exchange -> SessionRun.of(exchange).hasUnlanded()));
        leased.process("{{caravanCloseSession}}");
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
                .filter(FlushSteps::hasRecords)
                    .process("{{caravanMarkBatch}}")
                    .doTry()
                        .to("{{sink}}")
                        .process("{{caravanReleaseBatch}}")
                    // A record the database refuses: the batch lands one by one, the refused ones quarantined.
                    .doCatch(Exception.class).onWhen(exchange -> Source.of(exchange).refusals().refused(exchange))
                        .process("{{caravanLandOneByOne}}")
                    .end()
                .end()
                .process("{{caravanCommit}}")
            .end()
            .process("{{caravanBatchLanded}}");
    }

    /** Binds {@code step} as {@code name} for the route being created with {@code rtc}, guarded against running out of heap. */
    private static void bindStep(RouteTemplateContext rtc, String name, Processor step) {
        rtc.bind(name, Processor.class, HeapGuard.guard(step));
    }

    /** Whether the Camel context is shutting down: a run stops at its next page boundary with what it fetched landed. */
    private static boolean stopping(Exchange exchange) {
        return exchange.getContext().isStopping();
    }

    /** The id of the route being created with {@code rtc} (Camel gives a template's configurer the context, not the route). */
    private static String routeIdOf(RouteTemplateContext rtc) {
        return rtc.getCamelContext().getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions().stream()
                .filter(route -> route.getRouteTemplateContext() == rtc).map(route -> route.getId()).findFirst().orElse(null);
    }
}
