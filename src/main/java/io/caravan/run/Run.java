package io.caravan.run;

import io.caravan.plan.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a source as a whole, carried on the exchange that triggered it: the sessions still to
 * fetch (the source's own, or slices and page ranges, run a round at a time, several at once), how
 * each ended, overall progress, and the run's summary. Sessions report to it from their own threads.
 * In a pass shared by replicas it also knows the sessions other replicas hold, which it waits on.
 */
public final class Run {

    /** Exchange property holding the run. */
    public static final String PROPERTY = "CaravanRun";

    private static final Logger PROGRESS = LoggerFactory.getLogger("io.caravan.progress");

    private final String source;
    private final Set<String> landedEarlier;
    private final long started = System.nanoTime();
    private final ConcurrentLinkedQueue<Session> pending = new ConcurrentLinkedQueue<>();
    private final List<RunSummary> sessionSummaries = new ArrayList<>();
    private final List<SourceFailedException> failures = new ArrayList<>();
    private final List<Object> collected = new ArrayList<>();
    private final String kind;
    /** Shared pass: the sessions other replicas hold, by name. */
    private final Map<String, Session> elsewhere = new LinkedHashMap<>();
    /** Shared pass: the sessions this run leased. */
    private final Set<String> fetchedHere = new HashSet<>();
    /** The sessions counted in the total, and those of them done elsewhere. */
    private final Set<String> counted = new HashSet<>();
    private final Set<String> doneThere = new HashSet<>();
    /** The sessions of the pass that had finished before this run planned. */
    private final Set<String> finishedBefore = new HashSet<>();
    private int total;
    private int done;
    private long recordsLoaded;
    private boolean stopped;
    private boolean several;
    private long lastProgress;
    private long recordsRead;
    private boolean resumesAPass;

    /**
     * @param source        the source's name
     * @param landedEarlier keys of the pages that landed earlier in this pass (a resumed pass), read once
     * @param kind          what its sessions are called in progress lines ({@code slices}, {@code page ranges})
     */
    public Run(String source, Set<String> landedEarlier, String kind) {
        this.source = source;
        this.landedEarlier = landedEarlier;
        this.kind = kind;
    }

    /** The run carried by {@code exchange}. */
    public static Run of(Exchange exchange) {
        Run run = exchange.getProperty(PROPERTY, Run.class);
        if (run == null) {
            throw new IllegalStateException("no Caravan run on this exchange");
        }
        return run;
    }

    /** The run continues a pass an earlier run left open. */
    public void resumesAPass() {
        resumesAPass = true;
    }

    /** Whether the run continues a pass an earlier run left open (its sessions say where they resume). */
    public boolean resumesPass() {
        return resumesAPass;
    }

    /** Keys of the pages that landed earlier in this pass. */
    public Set<String> landedEarlier() {
        return landedEarlier;
    }

    /** Sessions to fetch, and those of the pass that finished in earlier runs, by name. */
    public synchronized void plan(Collection<Session> sessions, Collection<String> finished) {
        pending.addAll(sessions);
        sessions.forEach(session -> counted.add(session.name()));
        finishedBefore.addAll(finished);
        total += sessions.size() + finished.size();
        done += finished.size();
        several |= total > 1 || sessions.stream().anyMatch(session -> !session.own());
    }

    /** Whether sessions are waiting for the next round. */
    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The sessions of the next round (those planned or spawned since the last one). */
    public List<Session> takePending() {
        List<Session> round = new ArrayList<>();
        for (Session session = pending.poll(); session != null; session = pending.poll()) {
            round.add(session);
        }
        return round;
    }

    /** Whether the run has more than one session (slices, or page ranges beside the first page). */
    public synchronized boolean several() {
        return several;
    }

    /** A session read its last page (a run of a page-range style may spawn more, which join the next round). */
    public void completed(Session session, RunSummary summary, List<Session> spawned, List<Object> records) {
        synchronized (this) {
            sessionSummaries.add(summary);
            collected.addAll(records);
            done++;
            recordsLoaded += summary.recordsLoaded();
            if (!spawned.isEmpty()) {
                pending.addAll(spawned);
                spawned.forEach(more -> counted.add(more.name()));
                total += spawned.size();
                several = true;
            }
        }
        progress(session, "done: " + String.format("%,d records, %,d pages", summary.recordsLoaded(), summary.pages()));
    }

    /** A session was stopped by a shutdown, with what it fetched committed. */
    public synchronized void stopped(RunSummary summary) {
        sessionSummaries.add(summary);
        recordsLoaded += summary.recordsLoaded();
        stopped = true;
    }

    /** A session failed; the others go on, and it resumes on the next run. */
    public synchronized void failed(RunSummary summary, SourceFailedException failure) {
        sessionSummaries.add(summary);
        recordsLoaded += summary.recordsLoaded();
        failures.add(failure);
    }

    /** A slice held more than the API's result window: it was replaced by {@code halves}, fetched next round. */
    public void split(Session slice, RunSummary summary, List<Session> halves) {
        synchronized (this) {
            sessionSummaries.add(summary);
            recordsLoaded += summary.recordsLoaded();
            pending.addAll(halves);
            halves.forEach(half -> counted.add(half.name()));
            counted.remove(slice.name());
            total += halves.size() - 1;
        }
        progress(slice, "exceeds the result window; split into " + halves.get(0).label() + " and " + halves.get(1).label());
    }

    /** Shared pass: this run leased {@code session}, and fetches it. */
    public synchronized void fetching(String session) {
        fetchedHere.add(session);
    }

    /** Shared pass: whether this run leased {@code session} (it does not take it again, whatever its end). */
    public synchronized boolean fetchedHere(String session) {
        return fetchedHere.contains(session);
    }

    /** Shared pass: another replica holds {@code session}; this run waits on it. */
    public synchronized void heldElsewhere(Session session) {
        count(session.name());
        elsewhere.put(session.name(), session);
    }

    /**
     * Shared pass: {@code session} read its last page on another replica. One this run had not seen
     * (a page range handed over there) joins its count.
     */
    public synchronized void doneElsewhere(String session) {
        if (finishedBefore.contains(session) || !doneThere.add(session)) {
            return;
        }
        count(session);
        elsewhere.remove(session);
        done++;
    }

    /** Shared pass: {@code session} is gone (another replica split the slice; its halves join as they are seen). */
    public synchronized void goneElsewhere(String session) {
        elsewhere.remove(session);
        if (counted.remove(session)) {
            total--;
        }
    }

    /** Shared pass: {@code session} is free again (its holder's lease expired, or it gave it up): fetched next round. */
    public synchronized void takeOver(Session session) {
        elsewhere.remove(session.name());
        count(session.name());
        pending.add(session);
    }

    /** Shared pass: counts {@code session} in the pass's total, once. */
    private void count(String session) {
        if (counted.add(session)) {
            total++;
            several |= total > 1;
        }
    }

    /** Shared pass: whether other replicas hold sessions of the pass that this run waits on. */
    public synchronized boolean waitsForOthers() {
        return !elsewhere.isEmpty();
    }

    /** Shared pass: the sessions other replicas hold. */
    public synchronized Set<String> elsewhereNames() {
        return new HashSet<>(elsewhere.keySet());
    }

    /** The records the sessions collected (collect mode). */
    public synchronized List<Object> collected() {
        return collected;
    }

    /** Why the run failed (the first failed session, and how many failed), or {@code null}. */
    public synchronized SourceFailedException failure() {
        if (failures.isEmpty()) {
            return null;
        }
        SourceFailedException first = failures.get(0);
        if (!several) {
            return first;
        }
        return new SourceFailedException(String.format("source '%s' failed: %d of %d %s failed (they resume on the"
                + " next run); the first: %s", source, failures.size(), total, kind, first.getMessage()), first.getCause());
    }

    /** Whether every session read its last page. */
    public synchronized boolean complete() {
        return failures.isEmpty() && !stopped && pending.isEmpty() && elsewhere.isEmpty() && done == total;
    }

    /** The run's summary: its sessions' counts added up. */
    public synchronized RunSummary summary(long duplicates) {
        SourceFailedException failure = failure();
        String failureText = failure == null ? null : failures.size() == 1 && !several
                ? sessionSummaries.stream().filter(s -> s.failure() != null).findFirst().map(RunSummary::failure).orElse(null)
                : failure.getMessage();
        long pages = 0;
        long received = 0;
        long skipped = 0;
        long alreadyLanded = 0;
        long retries = 0;
        long quarantined = 0;
        for (RunSummary summary : sessionSummaries) {
            quarantined += summary.quarantined();
            pages += summary.pages();
            received += summary.recordsReceived();
            skipped += summary.resumeSkipped();
            alreadyLanded += summary.pagesAlreadyLanded();
            retries += summary.retries();
        }
        int resumedAt = !several && sessionSummaries.size() == 1 ? sessionSummaries.get(0).resumedAtPage() : 0;
        String sessions = several ? String.format("%d of %d %s", done - finishedBefore.size() - doneThere.size(), total, kind)
                + (!finishedBefore.isEmpty() ? String.format(" (%d done in earlier runs)", finishedBefore.size()) : "")
                + (doneThere.isEmpty() ? "" : String.format(" (%d by other replicas)", doneThere.size())) : null;
        boolean stoppedEarly = failure == null && (stopped || !pending.isEmpty() || !elsewhere.isEmpty());
        String ended = failure != null || stoppedEarly ? null : several
                ? String.format("each of the %d %s read its last page", total, kind)
                : onlySessionEnded().orElse(null);
        return new RunSummary(source, failureText, stoppedEarly, resumedAt, pages, received, duplicates, skipped,
                alreadyLanded, recordsLoaded, quarantined, retries, Duration.ofNanos(System.nanoTime() - started), sessions, ended);
    }

    /** Why the only session ended, when the run has one. */
    private Optional<String> onlySessionEnded() {
        return sessionSummaries.stream().map(RunSummary::ended).filter(Objects::nonNull).findFirst();
    }

    /** A session read a page of {@code records} records: overall progress, at most once a second. */
    public void pageRead(int records) {
        String line;
        synchronized (this) {
            recordsRead += records;
            long now = System.nanoTime();
            if (!several || now - lastProgress < TimeUnit.SECONDS.toNanos(1)) {
                return;
            }
            lastProgress = now;
            line = overall();
        }
        PROGRESS.info("{}: {}", source, line);
    }

    private void progress(Session session, String what) {
        String line;
        synchronized (this) {
            // Every slice as it ends; page ranges (many, short) only in the overall line.
            if (!several || session.slice() == null) {
                return;
            }
            line = overall();
        }
        PROGRESS.info("{}: {} {}; {}", source, session.describe(), what, line);
    }

    /** Sessions done of all, records read, and the time left at the pace of the sessions done so far. */
    private String overall() {
        long elapsed = System.nanoTime() - started;
        int doneHere = done - finishedBefore.size();
        String eta = doneHere == 0 || done >= total ? ""
                : ", ETA " + TimeUnit.NANOSECONDS.toSeconds(elapsed / doneHere * (total - done)) + " s";
        return String.format("%d/%d %s done, %,d records read, %,d landed%s", done, total, kind, recordsRead,
                recordsLoaded, eta);
    }
}
