package io.caravan.app;

import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects the summaries of finished runs and calls {@code allDone} once the expected number have
 * ended; knows the sources started, so that one stopped before its run could report (a shutdown that
 * outlasted its timeout) is still named in the summary.
 */
final class RunBoard implements RunObserver {

    private final Runnable allDone;
    private final List<RunSummary> summaries = new ArrayList<>();
    private final Set<String> started = new LinkedHashSet<>();
    private long expected = -1;

    RunBoard(Runnable allDone) {
        this.allDone = allDone;
    }

    @Override
    public synchronized void finished(RunSummary summary) {
        summaries.add(summary);
        signalIfDone();
    }

    /** From now on, signal once {@code count} runs have ended. */
    synchronized void expect(long count) {
        expected = count;
        signalIfDone();
    }

    /** The sources the application started. */
    synchronized void started(List<String> sources) {
        started.addAll(sources);
    }

    /** Whether the application started no source at all. */
    synchronized boolean startedNone() {
        return started.isEmpty() && summaries.isEmpty();
    }

    synchronized List<RunSummary> summaries() {
        return List.copyOf(summaries);
    }

    /** The sources started whose run has not reported how it ended. */
    synchronized List<String> unreported() {
        Set<String> reported = summaries.stream().map(RunSummary::source).collect(Collectors.toSet());
        return started.stream().filter(source -> !reported.contains(source)).toList();
    }

    private void signalIfDone() {
        if (expected >= 0 && summaries.size() >= expected) {
            expected = -1;
            allDone.run();
        }
    }
}
