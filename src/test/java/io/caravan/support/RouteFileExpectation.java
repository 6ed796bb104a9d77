package io.caravan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What a demo route file must land: exactly the sandbox's data set, or for a source whose data grows
 * during the run ({@code growing-*}), every record of the data set with its content plus only newer
 * ones, each once. A search hit's record is its {@code _source}, an etcd key-value's its decoded value.
 */
public final class RouteFileExpectation {

    private RouteFileExpectation() {
    }

    /** What the table of the route file's source holds, each payload unwrapped to the record where the API wraps it. */
    public static LandedData landed(DataSource dataSource, String table, String source) throws SQLException {
        if (source.startsWith("elastic-")) {
            return LandedData.inTable(dataSource, table, source, LandedData.SOURCE_OF_HIT);
        }
        if (source.startsWith("etcd-")) {
            return LandedData.inTable(dataSource, table, source, LandedData.BASE64_VALUE);
        }
        return LandedData.inTable(dataSource, table, source);
    }

    public static void assertLanded(String source, LandedData landed, LandedData dataSet) throws Exception {
        if (source.startsWith("growing-")) {
            assertThat(landed.rows()).as("rows of %s, each key once", source).isEqualTo(landed.distinctKeys());
            assertThat(landed.contentByKey()).as("records of %s", source).containsAllEntriesOf(dataSet.contentByKey());
        } else {
            assertThat(landed.rows()).as("rows of %s", source).isEqualTo(dataSet.rows());
            assertThat(landed.checksum()).as("content of %s", source).isEqualTo(dataSet.checksum());
        }
    }
}
