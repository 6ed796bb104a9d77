package io.caravan.load;

import io.caravan.plan.Session;
import io.caravan.state.Checkpoint;
import java.util.List;
import java.util.Map;

/**
 * One batch on its way to the sink, and what becomes true when it lands: these pages are landed and
 * the source stands at this checkpoint.
 *
 * @param rows        the record rows
 * @param pageKeys    keys of the pages whose last records are in this batch
 * @param checkpoint  the checkpoint to commit with the batch
 * @param spawned     sessions the run handed the rest of its pages to, whose checkpoints commit with the batch
 * @param quarantined records of the batch the database refused, set aside in the quarantine
 */
public record Flush(List<Map<String, Object>> rows, List<String> pageKeys, Checkpoint checkpoint, List<Session> spawned,
        int quarantined) {

    /** A batch none of whose records is quarantined (yet). */
    public Flush(List<Map<String, Object>> rows, List<String> pageKeys, Checkpoint checkpoint, List<Session> spawned) {
        this(rows, pageKeys, checkpoint, spawned, 0);
    }

    /** This batch once {@code refused} of its rows went to the quarantine: the others land, and only they count. */
    public Flush quarantining(List<Map<String, Object>> refused) {
        List<Map<String, Object>> landing = rows.stream().filter(row -> !refused.contains(row)).toList();
        return new Flush(landing, pageKeys, checkpoint.withRecords(checkpoint.records() - refused.size()), spawned,
                quarantined + refused.size());
    }
}
