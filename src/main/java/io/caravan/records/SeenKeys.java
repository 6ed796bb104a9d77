package io.caravan.records;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The record keys seen in the current run, for the idempotent consumer: Camel's bounded in-memory
 * repository (the most recent {@code capacity} keys), counting the repeats it refuses.
 */
public final class SeenKeys extends MemoryIdempotentRepository {

    private final AtomicLong repeats = new AtomicLong();

    public SeenKeys(int capacity) {
        setCacheSize(capacity);
        ServiceHelper.startService(this);
    }

    @Override
    public boolean add(String key) {
        boolean added = super.add(key);
        if (!added) {
            repeats.incrementAndGet();
        }
        return added;
    }

    /** Repeats refused since the last {@link #clear()}. */
    public long repeats() {
        return repeats.get();
    }

    @Override
    public void clear() {
        super.clear();
        repeats.set(0);
    }
}
