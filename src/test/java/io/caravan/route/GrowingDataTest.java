package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunSummary;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.CaravanHarness;
import io.caravan.support.LandedData;
import io.caravan.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An offset API whose data grows during the run (newest first): offsets shift, pages repeat
 * records, and still every record of the original data set lands exactly once and no duplicate lands.
 */
class GrowingDataTest {

    @Test
    void shiftingOffsetsLandNoDuplicatesAndMissNoOriginalRecord() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = TestDatabase.dataSource();
                CaravanHarness caravan = new CaravanHarness(dataSource)) {
            String table = TestDatabase.uniqueTable("growing");
            caravan.addSource("growing", Map.of(
                    "url", sandbox.url() + "/growing/v1/items?records=1000&grow=7",
                    "pagination", "offset", "offsetParam", "offset", "pageSizeParam", "limit", "pageSize", "50",
                    "keyPath", "$.id", "table", table));

            RunSummary summary = caravan.run("growing");

            LandedData landed = LandedData.inTable(dataSource, table, "growing");
            assertThat(landed.rows()).isEqualTo(landed.distinctKeys());
            assertThat(landed.contentByKey()).containsAllEntriesOf(LandedData.of(sandbox.dataSet(1_000, 42)).contentByKey());
            assertThat(summary.shiftedRecords()).isPositive();
            assertThat(summary.recordsLoaded()).isEqualTo(landed.rows());
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }
}
