package io.caravan.load;

import io.caravan.records.RowFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The batch waiting for the sink: its rows, the pages it completes, its size in bytes, its age and
 * the newest high-water mark among its pages; and when, by the {@link FlushPolicy}, it is due.
 */
public final class Batch {

    private final FlushPolicy policy;
    private final LongSupplier nanoClock;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();
    private long bytes;
    private long started;
    private Long newest;

    /** @param nanoClock the clock batch ages are measured with ({@code System::nanoTime}) */
    public Batch(FlushPolicy policy, LongSupplier nanoClock) {
        this.policy = policy;
        this.nanoClock = nanoClock;
    }

    /** Adds a record row (already past the duplicate check). */
    public void add(Map<String, Object> row) {
        if (rows.isEmpty()) {
            started = nanoClock.getAsLong();
        }
        rows.add(row);
        bytes += ((String) row.get(RowFields.PAYLOAD)).length();
    }

    /** The page of {@code key} is complete in this batch; {@code pageNewest} is its newest mark, or {@code null}. */
    public void addPage(String key, Long pageNewest) {
        pages.add(key);
        if (pageNewest != null && (newest == null || pageNewest > newest)) {
            newest = pageNewest;
        }
    }

    /** Whether the batch is full (by records or bytes): no more rows join it before it is flushed. */
    public boolean full() {
        return !rows.isEmpty() && policy.fullAfterRecord(rows.size(), bytes);
    }

    /** Whether the batch is due at this page end: the flush policy says so, or the pages ran out. */
    public boolean dueAtPageEnd(boolean pagesRanOut) {
        return !pages.isEmpty() && (pagesRanOut || policy.dueAtPageEnd(rows.size(), bytes, pages.size(),
                rows.isEmpty() ? 0 : nanoClock.getAsLong() - started));
    }

    /** Whether anything handled has not landed yet. */
    public boolean hasUnlanded() {
        return !rows.isEmpty() || !pages.isEmpty();
    }

    /** The keys of the records in the batch. */
    public List<String> keys() {
        return rows.stream().map(row -> (String) row.get(RowFields.KEY)).toList();
    }

    /** How many rows it holds. */
    public int size() {
        return rows.size();
    }

    /** How many pages it completes. */
    public int pageCount() {
        return pages.size();
    }

    /** The rows, as a copy. */
    public List<Map<String, Object>> rows() {
        return List.copyOf(rows);
    }

    /** The keys of the pages it completes, as a copy. */
    public List<String> pages() {
        return List.copyOf(pages);
    }

    /** The newest mark among its pages, or {@code null}. */
    public Long newest() {
        return newest;
    }

    /** Empties the batch (it was taken for the sink). */
    public void clear() {
        rows.clear();
        pages.clear();
        bytes = 0;
        newest = null;
    }
}
