package io.caravan.request;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;

/**
 * The {@link HostBudget} of each API host, one registry per Camel context, so every source that
 * calls a host shares its budget. The first source to name a host sets how its budget works.
 */
public final class HostBudgets {

    private static final String BEAN = "caravanHostBudgets";

    private final Map<String, HostBudget> budgets = new ConcurrentHashMap<>();

    /** The registry of {@code context}, bound on first use. */
    public static HostBudgets of(CamelContext context) {
        synchronized (HostBudgets.class) {
            HostBudgets found = context.getRegistry().lookupByNameAndType(BEAN, HostBudgets.class);
            if (found == null) {
                found = new HostBudgets();
                context.getRegistry().bind(BEAN, HostBudgets.class, found);
            }
            return found;
        }
    }

    /** The budget of {@code host}, created with these settings if it has none yet. */
    public HostBudget of(String host, int perSecond, boolean adaptive, int maxInFlight) {
        return budgets.computeIfAbsent(host, h -> new HostBudget(perSecond, adaptive, maxInFlight));
    }
}
