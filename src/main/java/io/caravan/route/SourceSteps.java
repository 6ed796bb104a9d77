package io.caravan.route;

import io.caravan.config.SourceSettings;
import io.caravan.load.BatchFiller;
import io.caravan.load.FlushSteps;
import io.caravan.paging.PageReader;
import io.caravan.plan.RunPlanner;
import io.caravan.plan.RunStart;
import io.caravan.plan.SessionHandOver;
import io.caravan.request.RequestPreparer;
import io.caravan.response.RetryRules;
import io.caravan.run.FailureHandler;
import io.caravan.run.RunFinish;
import io.caravan.run.SessionSteps;
import io.caravan.run.Source;
import org.apache.camel.CamelContext;

/**
 * The steps of one source's page flow, each an object of its own package, wired once per source:
 * the route template (and the Kamelet's bean) call them in the order of one page.
 *
 * @param source   the source and what its runs share
 * @param start    plans and starts a run
 * @param sessions opens and closes a session, counts its pages
 * @param requests puts the next request on the message, with credentials for the first origin only
 * @param pages    reads a page: records, stop decision, next request
 * @param ahead    sends the next request while the page is landed
 * @param batches  fills the batch from the page's rows, dropping repeats
 * @param flush    takes the batch, commits it with its checkpoint
 * @param finish   ends the run with its summary
 * @param failures turns a failure into one clear error and records it
 * @param retries  decides which failures are retried and prepares the retry
 */
public record SourceSteps(Source source, RunStart start, SessionSteps sessions, RequestPreparer requests,
        PageReader pages, PagesAhead ahead, BatchFiller batches, FlushSteps flush, RunFinish finish, FailureHandler failures,
        RetryRules retries) {

    /**
     * Wires the steps of a source with {@code settings} in {@code context}; {@code sink} is the endpoint
     * its route flushes batches to, or {@code null} when records go on one by one (the Kamelet).
     */
    public static SourceSteps of(SourceSettings settings, CamelContext context, String sink) {
        Source source = new Source(settings, context);
        RunPlanner planner = new RunPlanner(settings);
        RequestPreparer requests = new RequestPreparer(settings.request());
        RetryRules retries = new RetryRules(source, requests);
        RunFinish finish = new RunFinish(source, planner);
        FlushSteps flush = new FlushSteps(source, sink);
        PageReader pages = new PageReader(source, new SessionHandOver(settings));
        return new SourceSteps(source, new RunStart(source, planner, requests, retries), new SessionSteps(source),
                requests, pages, new PagesAhead(source, requests, pages), new BatchFiller(source), flush, finish,
                new FailureHandler(source, planner, finish, flush), retries);
    }
}
