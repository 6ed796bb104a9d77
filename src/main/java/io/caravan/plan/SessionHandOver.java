package io.caravan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.config.SourceSettings;
import io.caravan.request.PageRequest;
import io.caravan.run.SessionRun;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the plan changes after a page: the first page of a pass whose pages are addressed directly
 * and counted by the API hands the rest to page ranges fetched in parallel (the session ends with
 * this page); a slice that holds more than the API's result window is not paged further but split.
 */
public final class SessionHandOver {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHandOver.class);

    private final SourceSettings settings;

    public SessionHandOver(SourceSettings settings) {
        this.settings = settings;
    }

    /** The next request after the page whose body is {@code body}: {@code next}, or none when handed over. */
    public Optional<PageRequest> afterPage(SessionRun run, JsonNode body, Optional<PageRequest> next) {
        Optional<PageRequest> following = handOver(run, body, next);
        checkWindow(run, body, following.isPresent());
        return following;
    }

    private Optional<PageRequest> handOver(SessionRun run, JsonNode body, Optional<PageRequest> next) {
        ParallelPages parallel = settings.plan().parallelPages();
        if (parallel == null || next.isEmpty() || !run.session().own() || run.current().pageIndex() != 0) {
            return next;
        }
        long total = parallel.total(body);
        if (total < 2) {
            return next;
        }
        List<Session> ranges = parallel.sessions(settings.source(), next.get(), total);
        run.spawn(ranges);
        LOG.info("{}: {} pages; fetching pages 2..{} as {} ranges, {} at once", settings.source(), total, total,
                ranges.size(), settings.plan().concurrency());
        return Optional.empty();
    }

    private void checkWindow(SessionRun run, JsonNode body, boolean morePages) {
        Backfill backfill = settings.plan().backfill();
        if (backfill == null || run.session().slice() == null) {
            return;
        }
        Long total = backfill.total(body);
        if (backfill.beyondWindow(run.passRecords(), total, run.totalIsLowerBound(), morePages)) {
            throw new ResultWindowExceeded("the slice holds more than the result window of " + backfill.resultWindow()
                    + " records" + (total == null ? "" : " (" + total + ")"));
        }
    }
}
