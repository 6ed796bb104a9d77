package io.caravan.sandbox;

import java.io.ByteArrayOutputStream;

/**
 * The records one page serves: indexes {@code from} (inclusive) to {@code to} (exclusive) of the
 * data set, widened backwards by the overlap knob on every page but the first.
 */
record PageSlice(DataSet data, int from, int to) {

    static PageSlice of(DataSet data, int start, int pageSize, int overlap) {
        int first = Math.min(start, data.size());
        int end = Math.min(first + pageSize, data.size());
        int from = first > 0 ? Math.max(0, first - overlap) : first;
        return new PageSlice(data, from, end);
    }

    /** Whether records remain after this page. */
    boolean hasMore() {
        return to < data.size();
    }

    boolean isEmpty() {
        return from >= to;
    }

    /** Id of the last record served (the Stripe-style cursor). */
    long lastId() {
        return to;
    }

    /** Writes the records as a JSON array. */
    void writeArray(ByteArrayOutputStream out) {
        out.write('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.write(',');
            }
            out.writeBytes(data.json(i));
        }
        out.write(']');
    }
}
