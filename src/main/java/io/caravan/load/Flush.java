package io.caravan.load;

import io.caravan.plan.Session;
import io.caravan.state.Checkpoint;
import java.util.List;
import java.util.Map;

/**
 * One batch on its way to the sink, and what becomes true when it lands: these pages are landed and
 * the source stands at this checkpoint.
 *
 * @param rows       the record rows
 * @param pageKeys   keys of the pages whose last records are in this batch
 * @param checkpoint the checkpoint to commit with the batch
 * @param spawned    sessions the run handed the rest of its pages to, whose checkpoints commit with the batch
 */
public record Flush(List<Map<String, Object>> rows, List<String> pageKeys, Checkpoint checkpoint, List<Session> spawned) {
}
