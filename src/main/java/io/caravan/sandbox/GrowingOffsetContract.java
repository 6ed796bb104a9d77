package io.caravan.sandbox;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An offset API, newest first, whose data gains {@code grow} records (default 5) before every request
 * it serves for a data set: offsets shift under the client, so pages repeat records. New records get
 * the ids after the data set's ({@code records + 1} …), at most {@link #MAX_GROWTH} of them.
 */
final class GrowingOffsetContract extends Contract {

    static final int MAX_GROWTH = 2_000;

    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    GrowingOffsetContract() {
        super("/growing/v1/items", "limit", 50);
    }

    @Override
    int dataSetSize(Knobs knobs) {
        return knobs.records() + MAX_GROWTH;
    }

    /** Serves a page of the data set grown by every request so far ({@code grown} holds the growth too). */
    @Override
    SandboxResponse serve(SandboxRequest request, DataSet grown, Knobs knobs) {
        int requests = served.computeIfAbsent(knobs.records() + ":" + knobs.seed(), k -> new AtomicInteger()).incrementAndGet();
        int growth = Math.min(MAX_GROWTH, requests * intParam(request.params(), "grow", 5));
        int total = knobs.records() + growth;
        int offset = intParam(request.params(), "offset", 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * knobs.pageSize() + 16);
        out.write('[');
        for (int position = offset; position < Math.min(total, offset + knobs.pageSize()); position++) {
            if (position > offset) {
                out.write(',');
            }
            out.writeBytes(grown.json(total - 1 - position));
        }
        out.write(']');
        return SandboxResponse.json(out.toByteArray());
    }
}
