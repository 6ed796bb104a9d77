package io.caravan.run;

import io.caravan.config.SourceSettings;
import io.caravan.paging.PageReader;
import io.caravan.plan.Incremental;
import io.caravan.plan.RunPlanner;
import io.caravan.plan.Session;
import io.caravan.request.OriginGuard;
import io.caravan.request.PageAhead;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointStore;
import io.caravan.state.RunStatus;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's start and end: opened at its checkpoint (a resumed session says where), or at its
 * first request; each page done is counted; closed with how it ended reported to the {@link Run}.
 */
public final class SessionSteps {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSteps.class);

    private final Source source;
    private final SourceSettings settings;

    public SessionSteps(Source source) {
        this.source = source;
        this.settings = source.settings();
    }

    /**
     * Opens the session in the body; its {@link SessionRun} is put on the exchange. In a pass shared by
     * replicas, only once this replica leased it: one another replica holds or finished is left to it
     * (no {@link SessionRun}; the run waits on it).
     */
    public void open(Exchange exchange) throws Exception {
        Session session = exchange.getMessage().getMandatoryBody(Session.class);
        Run run = Run.of(exchange);
        if (source.sharedPass() != null && !leased(run, session)) {
            return;
        }
        Checkpoint from = RunPlanner.fresh(session, null);
        if (settings.load().checkpoints()) {
            CheckpointStore store = source.store();
            Optional<Checkpoint> saved = store.load(session.name());
            if (saved.isPresent() && saved.get().resumable()) {
                from = saved.get().ended(RunStatus.RUNNING, null);
                // The last page that landed may be repeated at the start of the next: its records are not new.
                from.landedKeys().forEach(source.seenKeys()::add);
                // In a shared pass, only a session another replica had begun: the others' first pages are no resumption.
                if (run.resumesPass() && (source.sharedPass() == null || from.pages() > 0)) {
                    LOG.info("{}: resuming {}at page {} ({} records landed in this pass)", settings.source(),
                            session.own() ? "" : session.describe() + " ", from.next().pageIndex() + 1, from.records());
                }
            } else if (session.own()) {
                // A new pass of the source's own session keeps the mark it starts from.
                from = RunPlanner.fresh(session, saved.map(Checkpoint::highWaterMark).orElse(null));
            }
            store.save(from);
        }
        Incremental incremental = settings.plan().incremental();
        SessionRun sessionRun = new SessionRun(from, session, settings.paging().maxPages(), settings.load().flush(),
                settings.paging().stopOnRepeat(), new OriginGuard(settings.request().first(), settings.request().otherOrigins()),
                incremental == null ? null : incremental.axis(), System::nanoTime);
        sessionRun.rows().landedEarlier(run.landedEarlier());
        exchange.setProperty(SessionRun.PROPERTY, sessionRun);
        exchange.setProperty(PageReader.BOUND, incremental == null || !session.own() ? null
                : incremental.bound(from.highWaterMark()));
    }

    /** Whether this replica leased {@code session}; if not, the run learns who has it. */
    private boolean leased(Run run, Session session) {
        switch (source.sharedPass().claim(source.store(), session)) {
            case TAKEN -> {
                run.fetching(session.name());
                return true;
            }
            case GONE -> run.goneElsewhere(session.name());
            // Held, or done, elsewhere: the next look at the pass counts it done when it is, and finds
            // the page ranges a first page done there handed over.
            default -> run.heldElsewhere(session);
        }
        return false;
    }

    /** A page is fully handled: it joins the batch (in stream mode), the collect cap is checked, progress reported. */
    public void pageDone(Exchange exchange) {
        SessionRun run = SessionRun.of(exchange);
        if (settings.load().collects()) {
            run.collected().check(settings.load().collectMax());
        }
        run.pageDone(!settings.load().collects());
        Run.of(exchange).pageRead(run.rows().size());
    }

    /**
     * The session read its last page, or was stopped by a shutdown with what it fetched committed; or
     * a guard refused its next request, and it fails now that its last page landed.
     */
    public void close(Exchange exchange) {
        SessionRun run = SessionRun.of(exchange);
        // A session stopped by a shutdown may have sent its next request ahead: it ends before the session does.
        PageAhead.drop(exchange);
        if (run.requests().refusal() != null) {
            throw new IllegalStateException(run.requests().refusal());
        }
        RunSummary summary = run.summary(null, 0);
        if (summary.stopped()) {
            if (settings.load().checkpoints()) {
                source.store().save(run.landing().committed().ended(RunStatus.STOPPED, null));
            }
            Run.of(exchange).stopped(summary);
        } else {
            Run.of(exchange).completed(run.session(), summary, run.spawned(), run.collected().records());
        }
        if (source.sharedPass() != null) {
            source.sharedPass().release(source.store(), run.session());
        }
    }
}
