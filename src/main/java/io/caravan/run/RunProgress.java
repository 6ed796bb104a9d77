package io.caravan.run;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a progress line for a run at most once per interval: pages, records and rate. */
final class RunProgress {

    private static final Logger LOG = LoggerFactory.getLogger("io.caravan.progress");
    private static final long INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final String source;
    private final long started;
    private long lastLogged;

    RunProgress(String source, long started) {
        this.source = source;
        this.started = started;
        this.lastLogged = started;
    }

    void pageDone(long pages, long records) {
        long now = System.nanoTime();
        if (now - lastLogged < INTERVAL) {
            return;
        }
        lastLogged = now;
        double seconds = (now - started) / 1e9;
        LOG.info(String.format("%s: %,d pages, %,d records, %,.0f records/s", source, pages, records, records / seconds));
    }
}
