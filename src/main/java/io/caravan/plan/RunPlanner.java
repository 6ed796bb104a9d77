package io.caravan.plan;

import io.caravan.config.SourceSettings;
import io.caravan.request.PageRequest;
import io.caravan.run.Run;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointStore;
import io.caravan.state.LandedPages;
import io.caravan.state.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans a run of a source: the sessions it fetches. A pass left open by an earlier run (killed,
 * failed, stopped) is resumed: its sessions that did not finish, each at its own checkpoint, and
 * none that did. Otherwise a new pass starts from the high-water mark: the source's own session, or
 * one session per slice of the backfill's range, whose checkpoint rows are written at once. Replicas
 * sharing a pass plan it one at a time: the first plans it, the others join it.
 */
public final class RunPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(RunPlanner.class);

    private final SourceSettings settings;

    public RunPlanner(SourceSettings settings) {
        this.settings = settings;
    }

    /** A run without checkpoints: a new pass from no mark, every time. */
    public Run planStateless() {
        Run run = new Run(settings.source(), Set.of(), kind());
        run.plan(newSessions(null), List.of());
        return run;
    }

    /** A run with checkpoints in {@code store}; call it in a transaction. */
    public Run plan(CheckpointStore store, LandedPages landedPages) {
        String source = settings.source();
        if (settings.plan().sharePass()) {
            // Replicas starting together: the first plans the pass, the others join it.
            store.lockPass(source);
        }
        Optional<Checkpoint> own = store.load(source);
        List<Checkpoint> others = store.sessions(source);
        boolean ownOpen = own.isPresent() && own.get().resumable();
        List<Checkpoint> unfinished = others.stream().filter(row -> row.status() != RunStatus.COMPLETED).toList();
        boolean open = ownOpen || !unfinished.isEmpty();
        boolean restart = open && settingsChanged(store.settingsOf(source));
        if (open && !restart) {
            Run run = new Run(source, landedPages.keys(), kind());
            run.resumesAPass();
            List<Session> sessions = new ArrayList<>();
            // The mark the open pass started from: its sessions restart (an expired cursor) where it did.
            String mark = own.map(Checkpoint::highWaterMark).orElse(null);
            if (ownOpen) {
                sessions.add(Session.of(source, ownFirst(mark)));
            }
            for (Checkpoint row : unfinished) {
                sessions.add(resumed(row, mark));
            }
            if (!others.isEmpty()) {
                LOG.info("{}: resuming the pass: {} of {} {} left", source, unfinished.size(), others.size(), kind());
            }
            run.plan(sessions, others.stream().filter(row -> row.status() == RunStatus.COMPLETED).map(Checkpoint::source).toList());
            return run;
        }
        // A pass given up for new settings has not landed whole: its marks do not move the high-water mark.
        String mark = restart ? own.map(Checkpoint::highWaterMark).orElse(null) : newestMark(own.orElse(null), others);
        store.forgetSessions(source);
        landedPages.clear();
        Run run = new Run(source, Set.of(), kind());
        List<Session> sessions = newSessions(mark);
        if (settings.plan().backfill() != null) {
            for (Session slice : sessions) {
                store.save(fresh(slice, null));
            }
            // The source's own row holds the mark and the pass's outcome; its sessions hold the progress.
            store.save(new Checkpoint(source, RunStatus.RUNNING, null, 0, null, mark, null, 0, 0, null, Instant.now()));
            LOG.info("{}: new pass of {} {}", source, sessions.size(), kind());
        } else {
            store.save(fresh(sessions.get(0), mark));
        }
        store.recordSettings(source, settings.plan().requestShape());
        run.plan(sessions, List.of());
        return run;
    }

    /**
     * Whether the open pass was started with other settings that shape requests ({@code stored}, or
     * {@code null} for a pass from before they were recorded) and is to be given up for a new one.
     */
    private boolean settingsChanged(String stored) {
        if (stored == null || stored.equals(settings.plan().requestShape())) {
            return false;
        }
        String changed = settings.source() + ": the settings that shape its requests (url, paging, page size, slices)"
                + " changed since its checkpoint";
        return switch (settings.plan().onConfigChange()) {
            case "fail" -> throw new IllegalStateException(changed + "; reset its state (state reset " + settings.source()
                    + ") or set onConfigChange to restart or resume");
            case "resume" -> {
                LOG.warn("{}; resuming the open pass as it stands (onConfigChange=resume)", changed);
                yield false;
            }
            default -> {
                LOG.info("{}; starting a new pass (onConfigChange=restart)", changed);
                yield true;
            }
        };
    }

    /** A session's checkpoint before its first page. */
    public static Checkpoint fresh(Session session, String highWaterMark) {
        return new Checkpoint(session.name(), RunStatus.RUNNING, session.first(), 0, null, highWaterMark, null, 0, 0,
                null, Instant.now());
    }

    /** The sessions of a slice's two halves, or none when the slice is at its minimum step. */
    public List<Session> halves(Session slice) {
        List<Session> halves = new ArrayList<>();
        for (Slice half : slice.slice().halves(settings.plan().backfill().minStep())) {
            halves.add(sliceSession(half));
        }
        return halves;
    }

    /** The pass's first request at the high-water mark {@code mark} (the configured one without a mark or bound). */
    public PageRequest ownFirst(String mark) {
        PageRequest first = settings.request().first();
        if (settings.plan().incremental() != null && settings.plan().backfill() == null) {
            first = settings.plan().incremental().request(first, settings.plan().incremental().bound(mark));
        }
        return settings.paging().paginator().first(first);
    }

    private List<Session> newSessions(String mark) {
        Backfill backfill = settings.plan().backfill();
        if (backfill == null) {
            return List.of(Session.of(settings.source(), ownFirst(mark)));
        }
        Long bound = settings.plan().incremental() == null ? null : settings.plan().incremental().bound(mark);
        long now = Instant.now().toEpochMilli();
        return backfill.slices(bound, now).stream().map(this::sliceSession).toList();
    }

    private Session sliceSession(Slice slice) {
        String label = slice.label();
        return new Session(settings.source() + "/" + label, label,
                settings.paging().paginator().first(settings.plan().backfill().request(settings.request().first(), slice)), Integer.MAX_VALUE, slice);
    }

    /** The session of an unfinished row; {@code mark} is the high-water mark the pass started from. */
    public Session resumed(Checkpoint row, String mark) {
        if (row.source().equals(settings.source())) {
            return Session.of(settings.source(), ownFirst(mark));
        }
        String label = Session.labelOf(settings.source(), row.source());
        if (settings.plan().backfill() != null && label.contains("..") && !label.startsWith("pages ")) {
            return sliceSession(Slice.parse(settings.plan().backfill().axis(), label));
        }
        if (settings.plan().parallelPages() == null) {
            throw new IllegalStateException("source '" + settings.source() + "' has a checkpoint for '" + label
                    + "', which its settings no longer make (reset its state to start a new pass)");
        }
        return settings.plan().parallelPages().session(settings.source(),
                settings.request().following().base(ownFirst(mark)), label);
    }

    /**
     * Records how a pass of several sessions ended on the source's own row: its status and error,
     * and, once every session landed, the new high-water mark.
     */
    public void endPass(CheckpointStore store, RunStatus status, String error) {
        Checkpoint own = store.load(settings.source()).orElse(null);
        List<Checkpoint> others = store.sessions(settings.source());
        String mark = own == null ? null : own.highWaterMark();
        String passMark = own == null ? null : own.passMark();
        if (status == RunStatus.COMPLETED) {
            mark = newestMark(own, others);
            passMark = null;
        }
        // Its own counts stay its own session's; each session's row holds its own.
        store.save(new Checkpoint(settings.source(), status, null, 0, null, mark, passMark,
                own == null ? 0 : own.pages(), own == null ? 0 : own.records(), error, Instant.now()));
    }

    /**
     * The high-water mark after a pass whose every session landed: the greatest of the source's mark
     * and the pass marks of its own session and the others.
     */
    private String newestMark(Checkpoint own, List<Checkpoint> others) {
        String mark = own == null ? null : own.highWaterMark();
        if (settings.plan().incremental() == null) {
            return mark;
        }
        Axis axis = settings.plan().incremental().axis();
        if (own != null) {
            mark = axis.newer(mark, own.passMark());
        }
        for (Checkpoint session : others) {
            mark = axis.newer(mark, session.passMark());
        }
        return mark;
    }

    private String kind() {
        return settings.plan().backfill() != null ? "slices" : "page ranges";
    }
}
