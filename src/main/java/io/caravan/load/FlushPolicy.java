package io.caravan.load;

import java.time.Duration;

/**
 * When a batch goes to the sink: once it holds {@code records} records or {@code bytes} bytes of
 * record JSON (checked after every record), or at a page end once it spans {@code pages} pages or
 * is {@code maxAge} old, whichever comes first; and always when the pages run out. Every check runs
 * on the route's own thread, so the checkpoint commit sees every batch.
 *
 * @param records records per batch
 * @param pages   pages per batch (0: no page limit)
 * @param bytes   bytes of record JSON per batch (0: no byte limit)
 * @param maxAge  the oldest a batch may get before a page end flushes it (zero: no age limit)
 */
public record FlushPolicy(int records, int pages, long bytes, Duration maxAge) {

    /** A batch of {@code records} records and no other limit. */
    public static FlushPolicy ofRecords(int records) {
        return new FlushPolicy(records, 0, 0, Duration.ZERO);
    }

    public boolean fullAfterRecord(int batchRecords, long batchBytes) {
        return batchRecords >= records || (bytes > 0 && batchBytes >= bytes);
    }

    public boolean dueAtPageEnd(int batchRecords, long batchBytes, int batchPages, long ageNanos) {
        return fullAfterRecord(batchRecords, batchBytes) || (pages > 0 && batchPages >= pages)
                || (!maxAge.isZero() && ageNanos >= maxAge.toNanos());
    }
}
