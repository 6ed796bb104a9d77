package io.caravan.paging;

import io.caravan.request.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fixed time windows: one request per window {@code [start, start + step)} from a first instant to a
 * last one, the window's bounds in two parameters (ISO-8601). An empty window does not end the run;
 * the last window does. A window that fills a whole page would lose records beyond it, so it fails
 * the run with a request for a smaller step.
 */
public final class TimeWindowPaginator implements Paginator {

    private final ValuePlacement startPlacement;
    private final ValuePlacement endPlacement;
    private final Instant first;
    private final Instant last;
    private final Duration step;
    private final int pageSize;

    /**
     * @param startPlacement where a window's start goes
     * @param endPlacement   where a window's end goes
     * @param first          start of the first window
     * @param last           end of the last window, or {@code null} for the time each window is computed
     * @param step           length of a window
     * @param pageSize       records the API returns at most per request (0 when unknown)
     */
    public TimeWindowPaginator(ValuePlacement startPlacement, ValuePlacement endPlacement, Instant first,
            Instant last, Duration step, int pageSize) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("windowStep must be positive, was " + step);
        }
        this.startPlacement = startPlacement;
        this.endPlacement = endPlacement;
        this.first = first;
        this.last = last;
        this.step = step;
        this.pageSize = pageSize;
    }

    @Override
    public PageRequest first(PageRequest configured) {
        return window(configured, first);
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        if (pageSize > 0 && page.records() >= pageSize) {
            throw new IllegalStateException("the window from " + page.request().token() + " filled a whole page of "
                    + pageSize + " records, so records may lie beyond it; use a smaller windowStep");
        }
        Instant next = Instant.parse(page.request().token()).plus(step);
        return next.isBefore(last()) ? Optional.of(window(base, next)) : Optional.empty();
    }

    private Instant last() {
        return last != null ? last : Instant.now();
    }

    private PageRequest window(PageRequest request, Instant start) {
        Instant end = start.plus(step).isBefore(last()) ? start.plus(step) : last();
        return startPlacement.apply(endPlacement.apply(request, end.toString()), start.toString());
    }

    @Override
    public String endReason(Page page) {
        return "the last window (ending " + last() + ")";
    }
}
