package io.caravan.run;

import io.caravan.plan.RunPlanner;
import io.caravan.state.Checkpoint;
import io.caravan.state.RunStatus;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a run: every session read its last page, failed, or was stopped by a shutdown with what
 * it fetched committed. The pass's outcome is recorded, the summary logged and given to every
 * {@link RunObserver}; in collect mode the body is the list of every record. When a session failed,
 * so does the run, with the failure naming the source, the session, the page and the cause.
 */
public final class RunFinish {

    private static final Logger LOG = LoggerFactory.getLogger(RunFinish.class);

    private final Source source;
    private final RunPlanner planner;

    public RunFinish(Source source, RunPlanner planner) {
        this.source = source;
        this.planner = planner;
    }

    /** Finishes the run on {@code exchange}. */
    public void finish(Exchange exchange) {
        Run run = Run.of(exchange);
        if (source.settings().load().collects()) {
            exchange.getMessage().getHeaders().clear();
            exchange.getMessage().setBody(run.collected());
        }
        RunSummary summary = run.summary(source.seenKeys().repeats());
        SourceFailedException failure = run.failure();
        if (source.settings().load().checkpoints() && run.several()) {
            RunStatus status = failure != null ? RunStatus.FAILED : run.complete() ? RunStatus.COMPLETED : RunStatus.STOPPED;
            try {
                source.transaction().separately(() -> planner.endPass(source.store(), status,
                        failure == null ? null : failure.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("{}: could not record how the pass ended: {}", source.name(),
                        source.settings().request().credentials().redact(FailureMessage.causeOf(e)));
            }
        }
        if (failure != null && run.several()) {
            LOG.error(failure.getMessage());
        }
        publish(exchange, summary);
        if (failure != null) {
            throw failure;
        }
    }

    /** The source's high-water mark as stored, or {@code null} (no checkpoints, none yet, or the store unreachable). */
    private String highWaterMark() {
        if (!source.settings().load().checkpoints() || source.settings().plan().incremental() == null) {
            return null;
        }
        try {
            return source.store().load(source.name()).map(Checkpoint::highWaterMark).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Logs the run's summary, gives it to every {@link RunObserver}, and frees the source for its next run. */
    public void publish(Exchange exchange, RunSummary summary) {
        source.meters().runEnded(summary, highWaterMark());
        source.release();
        LOG.info(summary.describeAfterError());
        for (RunObserver observer : exchange.getContext().getRegistry().findByType(RunObserver.class)) {
            observer.finished(summary);
        }
    }
}
