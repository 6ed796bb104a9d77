package io.caravan.route;

import org.apache.camel.Processor;

/**
 * Turns the JVM running out of heap in a step of the page flow into a failure of the source with one
 * clear line (lower the page size or give the JVM more heap), handled as any other: what landed stays
 * landed and the checkpoint stays where it was. Left as an {@link OutOfMemoryError}, it would escape a
 * session's task in Camel's parallel split, which catches exceptions only, and the run would wait
 * without end.
 */
public final class HeapGuard {

    private HeapGuard() {
    }

    /** {@code step}, with running out of heap in it turned into a failure of the exchange. */
    public static Processor guard(Processor step) {
        return exchange -> {
            try {
                step.process(exchange);
            } catch (OutOfMemoryError e) {
                throw exhausted(e);
            }
        };
    }

    /** The failure a step that ran out of heap ends with. */
    public static IllegalStateException exhausted(OutOfMemoryError e) {
        long most = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return new IllegalStateException(String.format("the JVM ran out of heap (%,d MB at most) on this page: lower"
                + " pageSize and batchSize, or give the JVM more heap (-Xmx)", most), e);
    }
}
