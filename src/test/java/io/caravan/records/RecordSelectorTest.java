package io.caravan.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Records are streamed from a plain path, unless another path read in the body may read into them. */
class RecordSelectorTest {

    @Test
    void aPlainPathIsStreamedBesideTheBodyPathsThatStayOutOfTheRecords() {
        assertThat(new RecordSelector("$").streamable(List.of())).isEmpty();
        assertThat(new RecordSelector("data").streamable(List.of("$.has_more", "$.next.cursor", "$.data_next")))
                .containsExactly("data");
        assertThat(new RecordSelector("$.result.items").streamable(List.of("$.result.cursor", "$.total")))
                .containsExactly("result", "items");
    }

    @Test
    void aPathIntoTheRecordsOrAnyPathNotPlainKeepsTheBodyWhole() {
        assertThat(new RecordSelector("$.data[*]").streamable(List.of())).isNull();
        assertThat(new RecordSelector("$.data").streamable(List.of("$.data[-1].id"))).isNull();
        assertThat(new RecordSelector("$.data").streamable(List.of("$.data.length()"))).isNull();
        assertThat(new RecordSelector("$.data").streamable(List.of("$..cursor"))).isNull();
        assertThat(new RecordSelector("$.data").streamable(List.of("$['data'][0].id"))).isNull();
        assertThat(new RecordSelector("$").streamable(List.of("$[-1].id"))).isNull();
    }
}
