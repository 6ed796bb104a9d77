package io.caravan.sandbox;

import java.io.ByteArrayOutputStream;

/**
 * The records one page serves: indexes {@code from} (inclusive) to {@code to} (exclusive) of the
 * data set, widened backwards by the overlap knob on every page but the first. Two knobs make the
 * API misbehave: {@code endless} (the data never runs out: indexes wrap around) and
 * {@code repeat_cursor} (the position handed out for the next page is this page's own). A page
 * past the {@code result_window} knob is refused.
 */
record PageSlice(DataSet data, int start, int from, int to, boolean endless, boolean repeat) {

    static PageSlice of(DataSet data, int start, Knobs knobs) {
        return of(data, start, knobs.pageSize(), knobs);
    }

    /** A page of {@code pageSize} records from {@code start} (for servers that override the size asked for). */
    static PageSlice of(DataSet data, int start, int pageSize, Knobs knobs) {
        if (knobs.resultWindow() > 0 && start + pageSize > knobs.resultWindow() && start < data.size()) {
            throw new IllegalArgumentException("result window exceeded: a query pages through at most "
                    + knobs.resultWindow() + " records; narrow it");
        }
        int first = knobs.endless() ? start : Math.min(start, data.size());
        int end = knobs.endless() ? first + pageSize : Math.min(first + pageSize, data.size());
        int from = first > 0 ? Math.max(0, first - knobs.overlap()) : first;
        return new PageSlice(data, first, from, end, knobs.endless() && data.size() > 0, knobs.repeatCursor());
    }

    /** Whether records remain after this page. */
    boolean hasMore() {
        return endless || to < data.size();
    }

    /** Where the next page starts (the Stripe-style cursor is its id minus one, as ids are index + 1). */
    int next() {
        return repeat ? start : to;
    }

    /** The number of the page after page {@code number}. */
    int nextPageNumber(int number) {
        return repeat ? number : number + 1;
    }

    /** Writes the records as a JSON array. */
    void writeArray(ByteArrayOutputStream out) {
        writeArray(out, (bytes, index) -> bytes.writeBytes(data.json(index)));
    }

    /** Writes a JSON array of what {@code item} writes for each record's index in the data set (a hit, a row). */
    void writeArray(ByteArrayOutputStream out, Item item) {
        out.write('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.write(',');
            }
            item.write(out, i % data.size());
        }
        out.write(']');
    }

    /** Writes one record of the page, by its index in the data set. */
    @FunctionalInterface
    interface Item {
        void write(ByteArrayOutputStream out, int index);
    }
}
