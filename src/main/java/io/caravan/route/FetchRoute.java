package io.caravan.route;

import io.caravan.config.LimitSettings;
import io.caravan.paging.PageReader;
import io.caravan.request.PageAhead;
import io.caravan.request.PageRequest;
import io.caravan.request.RequestPreparer;
import io.caravan.request.ResponseGuard;
import io.caravan.response.ResponseStep;
import io.caravan.run.Source;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ShutdownRoute;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpProducer;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.ExpressionAdapter;

/**
 * The route every source's requests go through, {@value #FETCH}: the API host's budget (Throttle
 * EIP, total requests per second per host, shared by every source of the Camel context, or for a
 * pass shared by replicas a slot booked in their shared store, {@link io.caravan.request.SharedHostBudget};
 * a cap on requests in flight), the HTTP call within the response's {@link ResponseGuard} (a deadline for the
 * whole response, a bound on its headers), and the reading of the body within its limits. It is one
 * unit for the calling route's redelivery (a cut-off body is fetched again, not re-read), and has
 * no error handler of its own, so a failure reaches the caller's handler untouched. No stream
 * caching: the body is read once, as it arrives.
 */
public final class FetchRoute {

    /** The endpoint sources send their requests to. */
    public static final String FETCH = "direct:caravan-fetch";

    private static final String ID = "caravan-fetch";
    /** The host's rate budget, passed while the request holds its place among those in flight. */
    private static final String BUDGET = "direct:caravan-budget";
    private static final String BUDGET_ID = "caravan-budget";
    /** Exchange property holding the guard of the response being received. */
    private static final String GUARD = "CaravanResponseGuard";

    /**
     * The window of a host's budget: a second, plus 5 % so that jitter between here and the server (a
     * thread scheduled late on a busy machine) never lets the server count one request more in a second
     * than the budget allows; 2.5 % was seen to fall short on two cores under load.
     */
    private static final long BUDGET_PERIOD_MS = 1050;
    /** The prefix of the classes of camel-http's on-completions that release a response. */
    private static final String HTTP_PRODUCER = HttpProducer.class.getName() + "$";

    /** The exchange properties a fetch leaves for the page step beside the response. */
    private static final List<String> FOUND = List.of(PageReader.END_ANSWER, ResponseStep.PAUSE, PageReader.RECORDS);

    private FetchRoute() {
    }

    /**
     * Fails, naming the cure, when {@code context} has no fetch route: the Kamelet brings no route
     * builder of its own and relies on the {@link CaravanContextPlugin} having added it.
     */
    public static void requireIn(CamelContext context) {
        if (context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition(ID) == null) {
            throw new IllegalStateException("the Camel context has no route " + ID + ": add the route builder "
                    + PaginatedHttpRouteTemplate.class.getName() + " to it (Camel adds it by itself where it loads"
                    + " ContextServicePlugins, as camel-main and DefaultCamelContext do)");
        }
    }

    /**
     * Defines the routes with {@code builder} (the route template's builder brings them along). A
     * request first takes its place among the host's requests in flight, then passes the host's rate
     * budget, so that it is sent the moment the budget lets it go: passed first, a request would
     * wait for a place after its permit, and the server would see a later second's requests early.
     */
    static void defineIn(RouteBuilder builder) {
        // Shut down last (Defer): runs stopping at a page boundary still send their request in flight through it.
        RouteDefinition fetch = builder.from(FETCH).routeId(ID).streamCache("false").shutdownRoute(ShutdownRoute.Defer)
                .errorHandler(builder.noErrorHandler());
        fetch.choice()
            // The request was sent ahead while the page before it landed (PagesAhead): its response is taken.
            .when(FetchRoute::sentAhead)
                .process(FetchRoute::takeAhead)
            .otherwise()
                .process(FetchRoute::enterHost)
                .doTry()
                    .to(BUDGET)
                    .process(FetchRoute::guardResponse)
                    .toD("${exchangeProperty." + RequestPreparer.HTTP_ENDPOINT + "}")
                    .process(HeapGuard.guard(exchange -> Source.of(exchange).responses().read(exchange)))
                // An answer that means the end of the pages (endOn) is not a failure: the session ends there.
                .doCatch(HttpOperationFailedException.class).onWhen(FetchRoute::meansTheEnd)
                    .process(exchange -> exchange.setProperty(PageReader.END_ANSWER, Source.of(exchange).settings()
                            .paging().endOn().describe(exchange.getProperty(Exchange.EXCEPTION_CAUGHT))))
                .doFinally()
                    .process(FetchRoute::leaveHost)
                .end()
            .end();
        RouteDefinition budget = builder.from(BUDGET).routeId(BUDGET_ID).streamCache("false")
                .shutdownRoute(ShutdownRoute.Defer).errorHandler(builder.noErrorHandler());
        budget.filter(exchange -> Source.of(exchange).rateLimited())
            .choice()
            // Replicas sharing a pass: the slot booked in the shared store, waited for.
            .when(exchange -> Source.of(exchange).sharedBudget() != null)
                .delay(new ExpressionAdapter() {
                    @Override
                    public Object evaluate(Exchange exchange) {
                        Source source = Source.of(exchange);
                        return source.sharedBudget().book(exchange.getProperty(RequestPreparer.REQUEST, PageRequest.class).origin(),
                                source.budget().perSecond());
                    }
                }).syncDelayed()
            .endChoice()
            .otherwise()
            .throttle(new ExpressionAdapter() {
                @Override
                public Object evaluate(Exchange exchange) {
                    return Source.of(exchange).budget().perSecond();
                }
            }).totalRequestsMode().timePeriodMillis(BUDGET_PERIOD_MS).asyncDelayed(false)
            .correlationExpression(new ExpressionAdapter() {
                @Override
                public Object evaluate(Exchange exchange) {
                    return exchange.getProperty(RequestPreparer.REQUEST, PageRequest.class).origin();
                }
            })
            .end();
    }

    /** Runs camel-http's releases of the responses received on {@code exchange} now, keeping its other on-completions. */
    private static void releaseResponses(Exchange exchange) {
        if (exchange.getUnitOfWork() == null) {
            return;
        }
        Exchange releases = new DefaultExchange(exchange.getContext());
        exchange.getUnitOfWork().handoverSynchronization(releases, completion -> completion.getClass().getName().startsWith(HTTP_PRODUCER));
        List<Synchronization> handedOver = releases.getExchangeExtension().handoverCompletions();
        if (handedOver != null) {
            handedOver.forEach(release -> release.onComplete(exchange));
        }
    }

    /** Whether the request on {@code exchange} is the one its session sent ahead; one sent ahead for another is dropped. */
    private static boolean sentAhead(Exchange exchange) {
        PageAhead ahead = exchange.getProperty(PageAhead.PROPERTY, PageAhead.class);
        if (ahead != null && !ahead.isFor(exchange.getProperty(RequestPreparer.REQUEST, PageRequest.class))) {
            PageAhead.drop(exchange);
            return false;
        }
        return ahead != null;
    }

    /**
     * Takes the response of the request sent ahead as this exchange's own: its body and headers, what
     * the fetch found (an answer that means the end, a rate-limit pause, the page's records), or its failure, which the
     * calling route's redelivery handles as it would the request's own (a retry sends it again here).
     */
    private static void takeAhead(Exchange exchange) throws Exception {
        Exchange fetched = ((PageAhead) exchange.removeProperty(PageAhead.PROPERTY)).await();
        if (fetched.getException() != null) {
            throw fetched.getException();
        }
        exchange.getMessage().setHeaders(fetched.getMessage().getHeaders());
        exchange.getMessage().setBody(fetched.getMessage().getBody());
        for (String found : FOUND) {
            exchange.setProperty(found, fetched.getProperty(found));
        }
    }

    private static boolean meansTheEnd(Exchange exchange) {
        // While a doCatch decides, the failure is still the exchange's own.
        Object failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
        return Source.of(exchange).settings().paging().endOn().matches(failure);
    }

    /** Waits for a place among the requests in flight to the host, when their number is limited. */
    private static void enterHost(Exchange exchange) throws InterruptedException {
        if (Source.of(exchange).budget() != null) {
            Source.of(exchange).budget().enter();
        }
    }

    /** The response to the request about to be sent is bounded in time and header size (see {@link ResponseGuard}). */
    private static void guardResponse(Exchange exchange) {
        LimitSettings limits = Source.of(exchange).settings().limits();
        exchange.setProperty(GUARD, ResponseGuard.begin(limits.responseTimeout(), limits.maxHeaderBytes()));
    }

    /**
     * The request to the host ended: its response read or given up on. camel-http releases each
     * response when the exchange completes, but a source's exchange lives for the whole run, so
     * those releases would pile up, one response held per page: they run here, per request.
     */
    private static void leaveHost(Exchange exchange) {
        releaseResponses(exchange);
        ResponseGuard guard = exchange.getProperty(GUARD, ResponseGuard.class);
        if (guard != null) {
            guard.end();
            exchange.removeProperty(GUARD);
        }
        if (Source.of(exchange).budget() != null) {
            Source.of(exchange).budget().leave();
        }
    }
}
