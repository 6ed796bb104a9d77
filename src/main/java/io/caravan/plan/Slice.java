package io.caravan.plan;

/**
 * A part {@code [from, until)} of a backfill's range, on its axis.
 *
 * @param axis  time (epoch milliseconds) or numbers
 * @param from  the first value, inclusive
 * @param until the end, exclusive
 */
public record Slice(Axis axis, long from, long until) {

    private static final String SEPARATOR = "..";

    /** Reads a label written by {@link #label()}. */
    public static Slice parse(Axis axis, String label) {
        int separator = label.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a slice: " + label);
        }
        return new Slice(axis, axis.parse(label.substring(0, separator)), axis.parse(label.substring(separator + 2)));
    }

    /** {@code from..until}, in the axis's labels. */
    public String label() {
        return axis.label(from) + SEPARATOR + axis.label(until);
    }

    /** Its two halves; none when a half would be shorter than {@code minLength}. */
    public Slice[] halves(long minLength) {
        long middle = from + (until - from) / 2;
        if (middle - from < minLength || middle == from) {
            return new Slice[0];
        }
        return new Slice[] {new Slice(axis, from, middle), new Slice(axis, middle, until)};
    }
}
