package io.caravan.load;

import io.caravan.records.RowFields;
import io.caravan.run.SessionRun;
import io.caravan.run.Source;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Hands the current page's rows on until the batch is full or the page has none left: a row whose
 * key was seen earlier in the run is dropped (Camel's {@code IdempotentRepository}); the others join
 * the batch, or in collect mode the records returned. A page is handled in as many steps as batches
 * end inside it, not per record.
 */
public final class BatchFiller {

    private final Source source;
    private final boolean collects;

    public BatchFiller(Source source) {
        this.source = source;
        this.collects = source.settings().load().collects();
    }

    /** Fills the batch of the session on {@code exchange}. */
    public void fill(Exchange exchange) throws Exception {
        SessionRun run = SessionRun.of(exchange);
        while (run.rows().hasLeft()) {
            Map<String, Object> row = run.rows().next();
            if (!source.seenKeys().add((String) row.get(RowFields.KEY))) {
                continue;
            }
            if (collects) {
                run.collected().add(source.mapper().readValue((String) row.get(RowFields.PAYLOAD), Object.class));
            } else {
                run.buffer(row);
                if (run.batchFull()) {
                    return;
                }
            }
        }
    }
}
