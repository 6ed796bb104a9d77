package io.caravan.run;

import io.caravan.paging.Page;
import io.caravan.request.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The state of one run of a source, carried on the exchange through the page loop: the request to
 * send next, the batch waiting for the sink, and the counters of the summary.
 */
public final class SourceRun {

    /** Exchange property holding the run. */
    public static final String PROPERTY = "CaravanRun";

    private final String source;
    private final int maxPages;
    private final int batchSize;
    private final String origin;
    private final long started = System.nanoTime();
    private final RunProgress progress;
    private final List<Map<String, Object>> batch = new ArrayList<>();

    private PageRequest current;
    private PageRequest next;
    private long pages;
    private long recordsReceived;
    private long recordsLoaded;
    private long buffered;
    private long retries;

    /**
     * @param source    the source's name
     * @param first     the first request
     * @param maxPages  the hard page cap
     * @param batchSize records per sink batch (a batch is flushed at a page boundary once this full)
     */
    public SourceRun(String source, PageRequest first, int maxPages, int batchSize) {
        this.source = source;
        this.next = first;
        this.maxPages = maxPages;
        this.batchSize = batchSize;
        this.origin = first.origin();
        this.progress = new RunProgress(source, started);
    }

    /** The run carried by {@code exchange}. */
    public static SourceRun of(Exchange exchange) {
        SourceRun run = exchange.getProperty(PROPERTY, SourceRun.class);
        if (run == null) {
            throw new IllegalStateException("no Caravan run on this exchange");
        }
        return run;
    }

    public String source() {
        return source;
    }

    /** Whether another page is to be fetched. */
    public boolean hasNext() {
        return next != null;
    }

    /** Takes the next request to send; it becomes the current one. */
    public PageRequest send() {
        current = next;
        next = null;
        return current;
    }

    /** The request of the page being processed. */
    public PageRequest current() {
        return current;
    }

    /**
     * Records a page fetched and the request for the page after it. Fails when the next request
     * would leave the source's origin or exceed the page cap.
     */
    public void pageFetched(Page page, Optional<PageRequest> following) {
        following.ifPresent(request -> {
            if (!origin.equals(request.origin())) {
                throw new IllegalStateException("next page is on another origin (" + request.origin()
                        + ", expected " + origin + "); refusing to follow it");
            }
            if (pages + 1 >= maxPages) {
                throw new IllegalStateException("page cap of " + maxPages
                        + " pages reached while the API still offers a next page; raise maxPages if the API is that large");
            }
        });
        pages++;
        recordsReceived += page.records().size();
        next = following.orElse(null);
    }

    /** Adds a record row (already past the duplicate check) to the batch. */
    public void buffer(Map<String, Object> row) {
        batch.add(row);
        buffered++;
    }

    /** Whether the batch must go to the sink now: full, or the pages have run out. */
    public boolean flushDue() {
        return !batch.isEmpty() && (batch.size() >= batchSize || next == null);
    }

    /** Takes the batch for the sink. */
    public List<Map<String, Object>> takeBatch() {
        List<Map<String, Object>> taken = new ArrayList<>(batch);
        batch.clear();
        return taken;
    }

    /** The sink has the batch taken last. */
    public void batchLanded(int size) {
        recordsLoaded += size;
    }

    /** Called after each page is fully handled. */
    public void pageDone() {
        progress.pageDone(pages, recordsReceived);
    }

    public void retried() {
        retries++;
    }

    /** The summary of this run so far; {@code failure} is {@code null} for a completed run. */
    public RunSummary summary(String failure) {
        return new RunSummary(source, failure, pages, recordsReceived, recordsReceived - buffered, recordsLoaded,
                retries, Duration.ofNanos(System.nanoTime() - started));
    }
}
