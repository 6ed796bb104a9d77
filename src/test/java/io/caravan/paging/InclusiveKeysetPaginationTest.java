package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.sandbox.DataSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A CouchDB view paged by a JSON-quoted, inclusive {@code startkey}: each page after the first starts with
 * the record the last one ended with, which is dropped (not counted as a repeat), and a page with nothing
 * after its boundary ends the run.
 */
class InclusiveKeysetPaginationTest extends PaginationContractTest {

    InclusiveKeysetPaginationTest() {
        super("/couchdb/caravan/_design/app/_view/by_title?include_docs=true", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("pagination", "lastRecordCursor", "cursorField", "$.title", "cursorParam", "startkey",
                "cursorFormat", "json", "cursorInclusive", "true", "pageSizeParam", "limit", "pageSize", "100",
                "recordsPath", "$.rows[*].doc");
    }

    @Override
    long recordsInFirstPages(int pages, DataSet data) {
        return Math.min(100 + (pages - 1) * 99L, data.size());
    }

    @Override
    boolean apiHandsOutCursor() {
        return false;
    }

    @Test
    void theBoundaryRecordIsDroppedAndTheRunEndsWhenNothingFollowsIt() throws Exception {
        String source = addSource(350, "", Map.of());
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        // 100 + 99 + 99 + 52 records, then a page holding only the boundary.
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(5);
        assertThat(summary.ended()).startsWith("nothing after the boundary key Record ");
        assertThat(summary.shiftedRecords()).isZero();
        assertThat(summary.recordsLoaded()).isEqualTo(350);
        assertThat(landed(source).checksum()).isEqualTo(fixture.dataSet(350).checksum());
        // Keys with quotes, backslashes and tabs go out as JSON strings.
        assertThat(fixture.sandbox.requestLog().stream().skip(before + 1)).allMatch(uri -> uri.contains("startkey=%22Record"));
    }

    @Test
    void theAnnouncedTotalEndsTheRunWithoutTheExtraPage() throws Exception {
        String source = addSource(350, "", Map.of("totalRecordsPath", "$.total_rows"));
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.ended()).isEqualTo("all 350 records read on page 4");
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(4);
        assertThat(landed(source).checksum()).isEqualTo(fixture.dataSet(350).checksum());
    }

    @Test
    void anInclusiveCursorWithASuccessorIsRefusedAsAContradiction() {
        assertThatThrownBy(() -> addSource(10, "", Map.of("cursorSuccessor", "string")))
                .hasStackTraceContaining("cursorInclusive true and cursorSuccessor string contradict each other");
    }

    @Test
    void aKeySentAsBareTextIsRefusedByTheApi() throws Exception {
        String source = addSource(350, "", Map.of("cursorFormat", "text"));

        assertThatThrownBy(() -> fixture.caravan.run(source)).cause()
                .hasMessageContaining("failed at page 2").hasMessageContaining("HTTP 400");
    }
}
