package io.caravan.config;

import static io.caravan.config.Parameters.COLUMNS;
import static io.caravan.config.Parameters.DEDUPE_WINDOW;
import static io.caravan.config.Parameters.KEY_PATH;
import static io.caravan.config.Parameters.RECORDS_PATH;
import static io.caravan.config.Parameters.UPDATED_AT_PATH;

import io.caravan.load.SqlNames;
import io.caravan.records.RecordKey;
import io.caravan.records.RecordSelector;
import io.caravan.records.RowLayout;

/**
 * Where a page's records are, what keys them, and what a row holds besides the record.
 *
 * @param selector     where the records are in a page
 * @param key          the record key
 * @param dedupeWindow how many recent keys the run remembers to drop repeated records
 * @param layout       the fields of a row beyond the fixed ones
 */
public record RecordSettings(RecordSelector selector, RecordKey key, int dedupeWindow, RowLayout layout) {

    static RecordSettings read(SourceParameters p) {
        String updatedAt = p.jsonPath(UPDATED_AT_PATH);
        RowLayout layout = p.parse(COLUMNS, columns -> RowLayout.parse(updatedAt, columns, SqlNames::column));
        return new RecordSettings(p.parseRequired(RECORDS_PATH, RecordSelector::new), RecordKey.of(p.jsonPath(KEY_PATH)),
                p.require(DEDUPE_WINDOW), layout != null ? layout : RowLayout.parse(updatedAt, null, SqlNames::column));
    }
}
