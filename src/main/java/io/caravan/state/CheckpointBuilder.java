package io.caravan.state;

import io.caravan.plan.Axis;
import io.caravan.request.PageRequest;
import java.time.Instant;
import java.util.List;

/**
 * Builds the checkpoint a batch moves a session to: the last committed one plus the batch's pages
 * and records, the request to send next (inside a page: that page's request with how many of its
 * rows landed and the key of the last), and the marks: the batch's newest joins the pass mark, which
 * becomes the high-water mark once the source's own pass is complete.
 */
public final class CheckpointBuilder {

    private final Axis markAxis;

    /** @param markAxis the axis of the high-water mark, or {@code null} when the source is not incremental */
    public CheckpointBuilder(Axis markAxis) {
        this.markAxis = markAxis;
    }

    /**
     * @param committed       the checkpoint committed last
     * @param at              the request to send next, or {@code null} when the session's pages ran out
     * @param pageRecordsDone rows of {@code at}'s page that land with this batch (0 at a page end)
     * @param pageLastKey     the key of the last of those, or {@code null}
     * @param batchPages      pages the batch completes
     * @param batchRecords    records in the batch
     * @param batchNewest     the newest mark among the batch's pages, or {@code null}
     * @param landedKeys      the keys of the last page that lands with this batch (so far, inside a page)
     * @param completesPass   whether, with {@code at} null, the whole pass has landed (the source's own
     *                        session, with no other session of it left)
     */
    public Checkpoint after(Checkpoint committed, PageRequest at, int pageRecordsDone, String pageLastKey,
            int batchPages, int batchRecords, Long batchNewest, List<String> landedKeys, boolean completesPass) {
        String highWaterMark = committed.highWaterMark();
        String passMark = committed.passMark();
        if (markAxis != null) {
            passMark = markAxis.newer(passMark, batchNewest == null ? null : markAxis.label(batchNewest));
            if (at == null && completesPass) {
                highWaterMark = markAxis.newer(highWaterMark, passMark);
                passMark = null;
            }
        }
        return new Checkpoint(committed.source(), at == null ? RunStatus.COMPLETED : RunStatus.RUNNING, at,
                pageRecordsDone, pageLastKey, highWaterMark, passMark, committed.pages() + batchPages,
                committed.records() + batchRecords, null, Instant.now(), at == null ? List.of() : landedKeys);
    }
}
