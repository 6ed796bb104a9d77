package io.caravan.app;

import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import java.util.ArrayList;
import java.util.List;

/** Collects the summaries of finished runs and calls {@code allDone} once the expected number have ended. */
final class RunBoard implements RunObserver {

    private final Runnable allDone;
    private final List<RunSummary> summaries = new ArrayList<>();
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

    synchronized List<RunSummary> summaries() {
        return List.copyOf(summaries);
    }

    private void signalIfDone() {
        if (expected >= 0 && summaries.size() >= expected) {
            expected = -1;
            allDone.run();
        }
    }
}
