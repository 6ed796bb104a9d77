package io.caravan.plan;

import io.caravan.cluster.SharedPass;
import io.caravan.request.RequestPreparer;
import io.caravan.response.RetryRules;
import io.caravan.run.Run;
import io.caravan.run.Source;
import io.caravan.state.CheckpointStore;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a run of a source: puts the source and its retry rules on the exchange, plans the sessions
 * (resuming the pass an earlier run left open, or a new pass from the high-water mark) and makes
 * sure the landing table exists. One run of a source goes at a time. Between the rounds of a pass
 * shared by replicas, it looks at the sessions the others hold.
 */
public final class RunStart {

    private static final Logger LOG = LoggerFactory.getLogger(RunStart.class);

    private final Source source;
    private final RunPlanner planner;
    private final RequestPreparer requests;
    private final RetryRules retries;

    public RunStart(Source source, RunPlanner planner, RequestPreparer requests, RetryRules retries) {
        this.source = source;
        this.planner = planner;
        this.requests = requests;
        this.retries = retries;
    }

    /**
     * Starts a run as {@link #start} does, unless one of this source is going: then the trigger is
     * skipped (logged, the exchange stopped), not queued. A run ends, and frees the source, when its
     * summary is published, failed or not.
     */
    public void startExclusive(Exchange exchange) throws Exception {
        if (!source.claim()) {
            LOG.warn("{}: a run is still going; this trigger is skipped", source.name());
            exchange.setRouteStop(true);
            return;
        }
        try {
            start(exchange);
        } catch (Exception e) {
            source.release();
            throw e;
        }
    }

    /**
     * Between rounds of a pass shared by replicas, with nothing of its own left: counts the sessions the
     * others finished and takes over those whose lease expired (see {@link SharedPass#watch}).
     */
    public void watchPass(Exchange exchange) {
        if (source.sharedPass() != null) {
            source.sharedPass().watch(Run.of(exchange), source.store(), planner);
        }
    }

    /** Starts a run; its plan is the exchange's {@link Run}. */
    public void start(Exchange exchange) throws Exception {
        exchange.setProperty(Source.PROPERTY, source);
        exchange.setProperty(RetryRules.PROPERTY, retries);
        String endpoint = requests.endpoint();
        exchange.setProperty(RequestPreparer.HTTP_ENDPOINT, endpoint);
        // Created now, not after the host's budget let the first request go: it must go at once.
        exchange.getContext().getEndpoint(endpoint);
        source.seenKeys().clear();
        Run run;
        if (source.settings().load().checkpoints()) {
            CheckpointStore checkpoints = source.openStore();
            if (source.sharedPass() != null) {
                checkpoints.ensurePassRow(source.name());
            }
            run = source.transaction().separatelyGet(() -> planner.plan(checkpoints, source.landedPages()));
            source.failedPagesPending(!checkpoints.failedPages().of(source.name()).isEmpty());
        } else {
            run = planner.planStateless();
        }
        if (source.settings().load().table() != null) {
            source.settings().load().table().upsertSql(source.dataSource());
        }
        exchange.setProperty(Run.PROPERTY, run);
    }
}
