package io.caravan.run;

import io.caravan.load.BatchTransaction;
import io.caravan.load.BoundedDataSource;
import io.caravan.load.Flush;
import io.caravan.load.FlushSteps;
import io.caravan.plan.ResultWindowExceeded;
import io.caravan.plan.RunPlanner;
import io.caravan.plan.Session;
import io.caravan.records.RowFields;
import io.caravan.request.PageAhead;
import io.caravan.request.Credentials;
import io.caravan.request.PageRequest;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointStore;
import io.caravan.state.LeaseLostException;
import io.caravan.state.RunStatus;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step failed. In a session: the exception that propagates is replaced by one naming the source,
 * the session, the page and the cause; the failure is recorded in the session's checkpoint (and a
 * page that failed in the failed-pages ledger) once any open transaction has rolled back, and the
 * other sessions go on. A slice past the API's result window is split instead. Outside a session
 * (planning the run): the run fails at once.
 */
public final class FailureHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    private final Source source;
    private final RunPlanner planner;
    private final RunFinish finish;
    private final Credentials credentials;
    private final FlushSteps flush;

    public FailureHandler(Source source, RunPlanner planner, RunFinish finish, FlushSteps flush) {
        this.source = source;
        this.planner = planner;
        this.finish = finish;
        this.flush = flush;
        this.credentials = source.settings().request().credentials();
    }

    /** Handles the failure caught on {@code exchange}. */
    public void fail(Exchange exchange) {
        Exception cause = explained(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        SourceFailedException reported = ObjectHelper.getException(SourceFailedException.class, cause);
        if (reported != null) {
            // Already reported where it happened (in a session): propagate that one, unwrapped.
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, reported);
            return;
        }
        SessionRun run = exchange.getProperty(SessionRun.PROPERTY, SessionRun.class);
        if (run == null) {
            failRun(exchange, cause);
            return;
        }
        if (!run.markFailed()) {
            return;
        }
        // The request sent ahead of the failed page is not read; it ends before the failure is reported.
        PageAhead.drop(exchange);
        if (handedOver(exchange, run, cause)) {
            return;
        }
        if (!beyondWindow(run, cause)) {
            // The pages read whole before the failure land with their checkpoint; the next run starts at the failed one.
            flush.landWholePages(exchange);
        }
        forgetUnlanded(exchange, run);
        if (splitSlice(exchange, run, cause)) {
            return;
        }
        String refusal = run.retry().refusal();
        String message = credentials.redact(FailureMessage.failureMessage(source.name(), run.session().describe(),
                run.failedRequest(), run.landing().flushing(), cause) + (refusal == null ? "" : "; " + refusal));
        SourceFailedException failure = new SourceFailedException(message, RedactedFailure.of(cause, credentials::redact));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        LOG.error(message);
        RunSummary summary = run.summary(credentials.redact(FailureMessage.causeOf(cause)), 0);
        PageRequest failedPage = run.landing().flushing() ? null : run.failedRequest();
        Run whole = Run.of(exchange);
        BatchTransaction.afterCurrent(() -> {
            if (source.settings().load().checkpoints() && source.store() != null) {
                recordFailure(run.landing().committed().ended(RunStatus.FAILED, message), failedPage, cause);
            }
            if (source.sharedPass() != null) {
                source.sharedPass().release(source.store(), run.session());
            }
            whole.failed(summary, failure);
        });
    }

    /**
     * In a shared pass, whether the session's commit was refused because another replica leased it
     * after this one's lease expired: not a failure; the batch rolled back, and the other replica
     * lands it from the checkpoint, while this run waits on it.
     */
    private boolean handedOver(Exchange exchange, SessionRun run, Exception cause) {
        if (ObjectHelper.getException(LeaseLostException.class, cause) == null) {
            return false;
        }
        forgetUnlanded(exchange, run);
        LOG.warn("{}: {}: another replica took it over after this one's lease expired; its last batch is the other's"
                + " to land", source.name(), run.session().describe());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, null);
        Run whole = Run.of(exchange);
        BatchTransaction.afterCurrent(() -> whole.heldElsewhere(run.session()));
        return true;
    }

    /** {@code cause}, or what it means when it is a wait for the database that ran out. */
    private Exception explained(Exception cause) {
        return BoundedDataSource.explain(cause, source.settings().load().dbTimeout()) instanceof Exception explained
                ? explained : cause;
    }

    /**
     * The records the failed session had taken but not landed are forgotten as seen, so another
     * session of the run (the halves of a split slice) lands them rather than dropping them as repeats.
     */
    private void forgetUnlanded(Exchange exchange, SessionRun run) {
        run.batchKeys().forEach(source.seenKeys()::remove);
        Flush inFlight = FlushSteps.inFlight(exchange);
        if (run.landing().flushing() && inFlight != null) {
            inFlight.rows().forEach(row -> source.seenKeys().remove((String) row.get(RowFields.KEY)));
        }
    }

    /**
     * A slice answered that it holds more than the API's result window: its two halves replace it (in
     * the checkpoints, in one transaction) and are fetched in the next round. False when this is not
     * that answer, or the slice is already at its minimum step.
     */
    private boolean splitSlice(Exchange exchange, SessionRun run, Exception cause) {
        Session slice = run.session();
        if (!beyondWindow(run, cause)) {
            return false;
        }
        List<Session> halves = planner.halves(slice);
        if (halves.isEmpty()) {
            run.retry().refuse("the slice is at its minimum step (sliceMinStep) and still holds more than the result window");
            return false;
        }
        Run whole = Run.of(exchange);
        RunSummary summary = run.summary(null, 0);
        BatchTransaction.afterCurrent(() -> {
            CheckpointStore store = source.store();
            if (source.settings().load().checkpoints() && store != null) {
                source.transaction().separately(() -> {
                    store.forget(slice.name());
                    halves.forEach(half -> store.save(RunPlanner.fresh(half, null)));
                });
            }
            whole.split(slice, summary, halves);
        });
        return true;
    }

    /** Whether the failure says a slice holds more than the API's result window. */
    private boolean beyondWindow(SessionRun run, Exception cause) {
        return run.session().slice() != null && (ObjectHelper.getException(ResultWindowExceeded.class, cause) != null
                || source.settings().plan().backfill() != null
                        && source.settings().plan().backfill().windowError().matches(cause));
    }

    /** The run failed outside its sessions (while planning it): reported at once. */
    private void failRun(Exchange exchange, Exception cause) {
        String message = credentials.redact("source '" + source.name() + "' failed before its first page: "
                + FailureMessage.causeOf(cause));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT,
                new SourceFailedException(message, RedactedFailure.of(cause, credentials::redact)));
        LOG.error(message);
        Run run = exchange.getProperty(Run.PROPERTY, Run.class);
        RunSummary summary = run == null ? new Run(source.name(), Set.of(), "sessions").summary(0)
                : run.summary(source.seenKeys().repeats());
        finish.publish(exchange, summary.failed(credentials.redact(FailureMessage.causeOf(cause))));
    }

    private void recordFailure(Checkpoint failed, PageRequest page, Exception cause) {
        CheckpointStore store = source.store();
        try {
            source.transaction().separately(() -> {
                if (page != null) {
                    HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, cause);
                    store.failedPages().record(source.name(), page, http == null ? null : http.getStatusCode(),
                            credentials.redact(FailureMessage.causeOf(cause)));
                }
                store.save(failed);
            });
        } catch (RuntimeException e) {
            LOG.warn("{}: could not record the failure in the checkpoint store: {}", source.name(),
                    credentials.redact(FailureMessage.causeOf(e)));
        }
    }
}
