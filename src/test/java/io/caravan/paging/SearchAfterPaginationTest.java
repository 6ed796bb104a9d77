package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.support.LandedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A POST search paged by {@code search_after}: the last hit's {@code sort} array goes into the next body
 * as an array (Elasticsearch refuses it as a string), and reaches past the 10,000 result window.
 */
class SearchAfterPaginationTest extends PaginationContractTest {

    SearchAfterPaginationTest() {
        super("/es/caravan/_search", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("method", "POST", "body", "{\"size\": 100, \"sort\": [{\"updated_at\": \"asc\"}, {\"id\": \"asc\"}]}",
                "pagination", "lastRecordCursor", "cursorField", "$.sort", "cursorParam", "body:search_after",
                "recordsPath", "$.hits.hits");
    }

    @Override
    String keyPath() {
        return "$._id";
    }

    @Override
    LandedData landed(String source) throws Exception {
        return LandedData.inTable(fixture.dataSource, fixture.table, source, LandedData.SOURCE_OF_HIT);
    }

    @Override
    boolean apiHandsOutCursor() {
        return false;
    }

    @Test
    void theSortArrayReachesPastTheResultWindowWithItsTotalALowerBound() throws Exception {
        String source = addSource(12_345, "", Map.of("totalRecordsPath", "$.hits.total.value",
                "totalRelationPath", "$.hits.total.relation"));
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        assertThat(landed(source).checksum()).isEqualTo(fixture.dataSet(12_345).checksum());
        assertThat(landed(source).rows()).isEqualTo(12_345);
        // 124 pages of hits, then the empty page: a lower-bound total (10,000, gte) is never a stop.
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(125);
        assertThat(fixture.sandbox.requestLog().stream().skip(before).filter(uri -> uri.contains("/es/"))).hasSize(125);
    }
}
