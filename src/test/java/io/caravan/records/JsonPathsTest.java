package io.caravan.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain field paths (read as pointers) and full JSONPath give the same values. */
class JsonPathsTest {

    private static final String DOCUMENT = """
            {"id": 7, "meta": {"next": "c2", "total": 40, "empty": null}, "data": [{"id": "a"}, {"id": "b"}],
             "items": {"list": [1, 2]}}""";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$.id             | 7",
        "id               | 7",
        "$.meta.next      | \"c2\"",
        "meta.total       | 40",
        "$.meta.empty     | null",
        "$.data           | [{\"id\":\"a\"},{\"id\":\"b\"}]",
        "$.data[1].id     | \"b\"",
        "$.data[*].id     | [\"a\",\"b\"]",
        "$['meta']['next']| \"c2\"",
        "$.items.list     | [1,2]",
    })
    void readsTheValueAtThePath(String expression, String expected) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(JsonPaths.compile(expression).read(mapper.readTree(DOCUMENT))).isEqualTo(mapper.readTree(expected));
    }

    @Test
    void aPathMatchingNothingIsMissingWhicheverWayItIsRead() throws Exception {
        JsonNode document = new ObjectMapper().readTree(DOCUMENT);
        assertThat(JsonPaths.compile("$.meta.absent").read(document).isMissingNode()).isTrue();
        assertThat(JsonPaths.compile("$.id.deeper").read(document).isMissingNode()).isTrue();
        assertThat(JsonPaths.compile("$.data[5].id").read(document).isMissingNode()).isTrue();
        assertThat(JsonPaths.compile("$").read(document)).isSameAs(document);
    }
}
