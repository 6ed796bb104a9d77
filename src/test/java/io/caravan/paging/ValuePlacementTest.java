package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.request.PageRequest;
import io.caravan.response.ExactJsonTree;
import org.junit.jupiter.api.Test;

/** Paging values keep their JSON type in a body, exactly as the API sent them; in a query they are text or JSON text. */
class ValuePlacementTest {

    private static final PageRequest POST = new PageRequest("POST", "http://127.0.0.1/search", null, null,
            "{\"size\": 100, \"min_score\": 0.1000000000000000055511151231257827}", 0, null);

    @Test
    void anArrayGoesIntoTheBodyAsAnArrayWithItsNumbersExact() throws Exception {
        JsonNode sort = ExactJsonTree.parse("[12345678901234567.89, \"id-9\", true, null, {\"a\": 1e400}]");

        PageRequest placed = ValuePlacement.parse("body:search_after").apply(POST, sort);

        assertThat(placed.body()).isEqualTo("{\"size\":100,\"min_score\":0.1000000000000000055511151231257827,"
                + "\"search_after\":[12345678901234567.89,\"id-9\",true,null,{\"a\":1e400}]}");
        assertThat(placed.token()).isEqualTo("[12345678901234567.89,\"id-9\",true,null,{\"a\":1e400}]");
    }

    @Test
    void numbersAndBooleansKeepTheirTypeInANestedBodyField() throws Exception {
        PageRequest placed = ValuePlacement.parse("body:page.after").apply(POST, ExactJsonTree.parse("1700000000000"));

        assertThat(placed.body()).endsWith("\"page\":{\"after\":1700000000000}}");
    }

    @Test
    void inTheQueryAValueIsTextOrAskedForJsonText() throws Exception {
        JsonNode key = ExactJsonTree.parse("\"Record 1 \\\"quoted\\\"\"");

        assertThat(ValuePlacement.parse("startkey").apply(POST, key).query()).containsEntry("startkey", "Record 1 \"quoted\"");
        assertThat(ValuePlacement.parse("startkey").asJson().apply(POST, key).query())
                .containsEntry("startkey", "\"Record 1 \\\"quoted\\\"\"");
        assertThat(ValuePlacement.parse("startkey").asJson().apply(POST, ExactJsonTree.parse("[1,\"x\"]")).query())
                .containsEntry("startkey", "[1,\"x\"]");
    }

    @Test
    void anArrayIsNeverFlattenedIntoTheQueryOrAHeader() {
        assertThatThrownBy(() -> ValuePlacement.parse("header:X-After").apply(POST, ExactJsonTree.parse("[1,2]")))
                .hasMessage("the value for header:X-After is a JSON array: it goes into a JSON body as it is; to send"
                        + " it as JSON text here, ask for format json");
    }
}
