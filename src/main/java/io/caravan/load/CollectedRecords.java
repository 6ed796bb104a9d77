package io.caravan.load;

import java.util.ArrayList;
import java.util.List;

/** The records a session returns to its caller in collect mode, within the cap that bounds its memory. */
public final class CollectedRecords {

    private final List<Object> records = new ArrayList<>();

    /** Keeps a record (its JSON read back) to return. */
    public void add(Object record) {
        records.add(record);
    }

    /**
     * Fails when more than {@code max} records were collected, so a source larger than expected cannot
     * exhaust memory (checked per page: at most one page over the cap is held).
     */
    public void check(int max) {
        if (records.size() > max) {
            throw new IllegalStateException("collect mode returns at most " + max
                    + " records and this source has more; use mode=stream or raise collectMaxRecords");
        }
    }

    /** The records collected, in order. */
    public List<Object> records() {
        return records;
    }
}
