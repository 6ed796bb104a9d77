package io.caravan.support;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a demo route file must land: exactly the sandbox's data set, or for a source whose data grows
 * during the run ({@code growing-*}), every record of the data set with its content plus only newer
 * ones, each once.
 */
public final class RouteFileExpectation {

    private RouteFileExpectation() {
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
