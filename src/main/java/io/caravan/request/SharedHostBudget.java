package io.caravan.request;

import io.caravan.load.BatchTransaction;
import io.caravan.state.RateSlots;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An API host's requests per second held across every replica sharing a store: each request books
 * the host's next slot in the store's {@link RateSlots} ({@value #PERIOD_MS} ms divided by the host's
 * rate apart, the 5 % margin of the Throttle EIP's window) and waits for it. One statement pair per
 * request, in a transaction of its own.
 */
public final class SharedHostBudget {

    /** A second and 5 %: the slots keep the server's count of any second within the rate despite jitter. */
    private static final long PERIOD_MS = 1050;

    private final Supplier<RateSlots> slots;
    private final BatchTransaction transaction;
    /** The hosts whose row is known to exist; its first request writes it while the others wait. */
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();

    /**
     * @param slots       the store's request slots (opened with the source's store)
     * @param transaction the source's transactions, in which a booking runs on its own
     */
    public SharedHostBudget(Supplier<RateSlots> slots, BatchTransaction transaction) {
        this.slots = slots;
        this.transaction = transaction;
    }

    /** Books the next slot of {@code host} at {@code perSecond}; returns how long to wait for it (ms). */
    public long book(String host, int perSecond) {
        RateSlots store = slots.get();
        ready.computeIfAbsent(host, missing -> {
            store.ensureHost(missing);
            return true;
        });
        long spacing = (PERIOD_MS + perSecond - 1) / Math.max(1, perSecond);
        long slot = transaction.separatelyGet(() -> store.book(host, spacing, System.currentTimeMillis()));
        return Math.max(0, slot - System.currentTimeMillis());
    }
}
