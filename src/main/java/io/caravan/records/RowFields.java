package io.caravan.records;

import java.util.List;

/** The names of the fields of a record row, which the sink's columns and the Kamelet's headers use. */
public final class RowFields {

    /** Row field naming the source. */
    public static final String SOURCE = "source";
    /** Row field holding the record key. */
    public static final String KEY = "record_key";
    /** Row field holding the record's JSON. */
    public static final String PAYLOAD = "payload";
    /** Row field holding when the record's page was fetched. */
    public static final String FETCHED_AT = "fetched_at";
    /** Row field holding the record's own update time, when configured. */
    public static final String UPDATED_AT = "updated_at";
    /** Row field holding the number of the record's page (not a column: for quarantine and errors). */
    public static final String PAGE = "page";
    /** The fields every row has. */
    public static final List<String> FIXED = List.of(SOURCE, KEY, PAYLOAD, FETCHED_AT);

    private RowFields() {
    }
}
