package io.caravan.config;

import static io.caravan.config.Parameters.COLUMNS;
import static io.caravan.config.Parameters.CONTINUE_FROM;
import static io.caravan.config.Parameters.CURSOR_PATH;
import static io.caravan.config.Parameters.DEDUPE_WINDOW;
import static io.caravan.config.Parameters.HAS_MORE_PATH;
import static io.caravan.config.Parameters.KEY_PATH;
import static io.caravan.config.Parameters.NEXT_URL_PATH;
import static io.caravan.config.Parameters.PAGINATION;
import static io.caravan.config.Parameters.RECORDS_PATH;
import static io.caravan.config.Parameters.TOTAL_PAGES_PATH;
import static io.caravan.config.Parameters.TOTAL_RECORDS_PATH;
import static io.caravan.config.Parameters.TOTAL_RELATION_PATH;
import static io.caravan.config.Parameters.UPDATED_AT_PATH;

import io.caravan.load.SqlNames;
import io.caravan.records.RecordKey;
import io.caravan.records.RecordSelector;
import io.caravan.records.RowLayout;
import java.util.List;
import java.util.Objects;

/**
 * Where a page's records are, what keys them, and what a row holds besides the record.
 *
 * @param selector     where the records are in a page
 * @param key          the record key
 * @param dedupeWindow how many recent keys the run remembers to drop repeated records
 * @param layout       the fields of a row beyond the fixed ones
 * @param streamedPath the field names leading to the records when they are streamed as a page's body
 *                     is parsed, or {@code null} when the body is kept whole as a tree
 */
public record RecordSettings(RecordSelector selector, RecordKey key, int dedupeWindow, RowLayout layout,
        List<String> streamedPath) {

    /** The paths read in a page's body besides the records': they decide whether the records can be streamed. */
    private static final List<Parameter<String>> BODY_PATHS = List.of(CURSOR_PATH, NEXT_URL_PATH, CONTINUE_FROM,
            HAS_MORE_PATH, TOTAL_PAGES_PATH, TOTAL_RECORDS_PATH, TOTAL_RELATION_PATH);

    static RecordSettings read(SourceParameters p) {
        String updatedAt = p.jsonPath(UPDATED_AT_PATH);
        RowLayout layout = p.parse(COLUMNS, columns -> RowLayout.parse(updatedAt, columns, SqlNames::column));
        RecordSelector selector = p.parseRequired(RECORDS_PATH, RecordSelector::new);
        return new RecordSettings(selector, RecordKey.of(p.jsonPath(KEY_PATH)), p.require(DEDUPE_WINDOW),
                layout != null ? layout : RowLayout.parse(updatedAt, null, SqlNames::column), streamedPath(p, selector));
    }

    /**
     * Where the records are streamed from: a templated paginator's expressions may read anything in the
     * body, so its pages are kept whole, as are those of a style reading a body path into the records.
     */
    private static List<String> streamedPath(SourceParameters p, RecordSelector selector) {
        if (p.require(PAGINATION).equals("templated")) {
            return null;
        }
        List<String> bodyPaths = BODY_PATHS.stream().map(p::jsonPath).filter(Objects::nonNull).toList();
        return selector.streamable(bodyPaths);
    }
}
