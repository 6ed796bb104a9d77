package io.caravan.state;

import io.caravan.request.PageRequest;
import java.time.Instant;
import java.util.List;

/**
 * Where a source stands, as committed with its data: the next request to send, how much of that
 * page already landed (for a page cut by a flush), counters, and how the last run ended. It holds
 * no secret: requests never carry credentials.
 *
 * @param source          the source's name
 * @param status          how the last run ended, or {@link RunStatus#RUNNING}
 * @param next            the request to send next, or {@code null} when the pass is complete
 * @param pageRecordsDone records of {@code next}'s page that already landed (0 for a fresh page)
 * @param pageLastKey     the key of the last of those records, or {@code null}
 * @param highWaterMark   the incremental mark the pass started from, or {@code null}
 * @param passMark        the greatest mark among the records this session landed so far in the pass, or
 *                        {@code null}; it becomes the high-water mark when the whole pass has landed
 * @param pages           pages landed in this pass
 * @param records         records landed in this pass
 * @param error           why the last run failed, or {@code null}
 * @param updatedAt       when this was committed
 * @param landedKeys      the keys of the records of the last page that landed (of {@code next}'s page, when
 *                        it stands inside one): a resumed run counts them as seen, so a page overlapping the
 *                        one before it (an API repeating its last records) is not landed and counted twice
 */
public record Checkpoint(String source, RunStatus status, PageRequest next, int pageRecordsDone, String pageLastKey,
        String highWaterMark, String passMark, long pages, long records, String error, Instant updatedAt,
        List<String> landedKeys) {

    /** The most keys a checkpoint keeps of its last page: the end of the page, where an overlap is. */
    public static final int MAX_LANDED_KEYS = 10_000;

    public Checkpoint {
        landedKeys = landedKeys == null ? List.of()
                : List.copyOf(landedKeys.subList(Math.max(0, landedKeys.size() - MAX_LANDED_KEYS), landedKeys.size()));
    }

    /** A checkpoint without the keys of a last page (none landed yet). */
    public Checkpoint(String source, RunStatus status, PageRequest next, int pageRecordsDone, String pageLastKey,
            String highWaterMark, String passMark, long pages, long records, String error, Instant updatedAt) {
        this(source, status, next, pageRecordsDone, pageLastKey, highWaterMark, passMark, pages, records, error, updatedAt,
                List.of());
    }

    /** Whether the next run continues this pass rather than starting a new one. */
    public boolean resumable() {
        return status != RunStatus.COMPLETED && next != null;
    }

    /** This checkpoint counting {@code landed} records in its pass. */
    public Checkpoint withRecords(long landed) {
        return new Checkpoint(source, status, next, pageRecordsDone, pageLastKey, highWaterMark, passMark, pages, landed,
                error, updatedAt, landedKeys);
    }

    /** This checkpoint with another status and error. */
    public Checkpoint ended(RunStatus newStatus, String newError) {
        return new Checkpoint(source, newStatus, next, pageRecordsDone, pageLastKey, highWaterMark, passMark, pages, records,
                newError, Instant.now(), landedKeys);
    }
}
