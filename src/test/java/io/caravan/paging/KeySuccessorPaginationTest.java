package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.support.LandedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * etcd's range: a base64 keyset that starts at the key sent, so the next key is the last one plus a zero
 * byte ({@code cursorSuccessor base64}); {@code more} and {@code kvs} are left out when false or empty.
 */
class KeySuccessorPaginationTest extends PaginationContractTest {

    KeySuccessorPaginationTest() {
        super("/etcd/v3/kv/range", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("method", "POST", "body", "{\"key\": \"Y2FyYXZhbi8=\", \"range_end\": \"Y2FyYXZhbjA=\", \"limit\": 100}",
                "pagination", "lastRecordCursor", "cursorField", "$.key", "cursorSuccessor", "base64",
                "cursorParam", "body:key", "hasMorePath", "$.more", "recordsPath", "$.kvs", "onMissingRecords", "empty");
    }

    @Override
    String keyPath() {
        return "$.key";
    }

    @Override
    LandedData landed(String source) throws Exception {
        return LandedData.inTable(fixture.dataSource, fixture.table, source, LandedData.BASE64_VALUE);
    }

    @Override
    boolean apiHandsOutCursor() {
        return false;
    }

    @Test
    void theNextKeyIsTheLastPlusAZeroByteSoNoRecordRepeatsAndAMissingMoreEndsTheRun() throws Exception {
        String source = addSource(450, "", Map.of());
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        assertThat(summary.ended()).isEqualTo("$.more is missing (read as false) on page 5");
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(5);
        assertThat(summary.shiftedRecords()).isZero();
        assertThat(landed(source).checksum()).isEqualTo(fixture.dataSet(450).checksum());
    }

    @Test
    void withoutASuccessorEachPageStartsWithTheBoundaryRecordAgain() throws Exception {
        String source = addSource(450, "", Map.of("cursorSuccessor", "none"));

        RunSummary summary = fixture.caravan.run(source);

        // 100, then 99 new of each 100 from the boundary on: one page more, a repeat dropped on each page after the first.
        assertThat(summary.pages()).isEqualTo(5);
        assertThat(summary.shiftedRecords()).isEqualTo(4);
        assertThat(landed(source).checksum()).isEqualTo(fixture.dataSet(450).checksum());
    }
}
