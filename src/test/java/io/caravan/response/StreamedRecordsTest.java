package io.caravan.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records array of a body is streamed out of its tree: each element, built alone and exact, is
 * handed on in order; the envelope keeps everything else, whether it comes before or after the array,
 * with an empty array where the records were; only the array at the records' path is streamed.
 */
class StreamedRecordsTest {

    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void theRecordsLeaveTheTreeAndTheTokenAfterThemStays() throws IOException {
        Collected records = new Collected("data");

        JsonNode envelope = read("{\"total\":2,\"data\":[{\"id\":1,\"amount\":10.10,\"tags\":[\"a\",{\"b\":[]}]},"
                + "{\"id\":12345678901234567.89}],\"has_more\":true,\"next\":{\"cursor\":\"c2\"}}", records);

        assertThat(records.opened).isTrue();
        assertThat(records.texts()).containsExactly("{\"id\":1,\"amount\":10.10,\"tags\":[\"a\",{\"b\":[]}]}",
                "{\"id\":12345678901234567.89}");
        assertThat(envelope.toString()).isEqualTo("{\"total\":2,\"data\":[],\"has_more\":true,\"next\":{\"cursor\":\"c2\"}}");
    }

    @Test
    void aBareArrayIsStreamedWhole() throws IOException {
        Collected records = new Collected();

        JsonNode envelope = read("[{\"id\":1},2,\"three\",null,[4]]", records);

        assertThat(records.texts()).containsExactly("{\"id\":1}", "2", "\"three\"", "null", "[4]");
        assertThat(envelope.toString()).isEqualTo("[]");
    }

    @Test
    void onlyTheArrayAtThePathIsStreamedAndOnlyTheFirst() throws IOException {
        Collected records = new Collected("result", "items");

        JsonNode envelope = read("{\"items\":[1],\"other\":{\"items\":[2]},\"result\":{\"cursor\":\"x\",\"items\":[{\"id\":3}]},"
                + "\"after\":{\"result\":{\"items\":[4]}}}", records);

        assertThat(records.texts()).containsExactly("{\"id\":3}");
        assertThat(envelope.toString()).isEqualTo("{\"items\":[1],\"other\":{\"items\":[2]},\"result\":{\"cursor\":\"x\","
                + "\"items\":[]},\"after\":{\"result\":{\"items\":[4]}}}");
    }

    @Test
    void aPathThatHoldsNoArrayIsLeftInTheTree() throws IOException {
        Collected nothing = new Collected("data");
        Collected empty = new Collected("data");

        JsonNode objectThere = read("{\"data\":{\"id\":1},\"next\":null}", nothing);
        JsonNode emptyArray = read("{\"data\":[],\"next\":null}", empty);

        assertThat(nothing.opened).isFalse();
        assertThat(objectThere.toString()).isEqualTo("{\"data\":{\"id\":1},\"next\":null}");
        assertThat(empty.opened).isTrue();
        assertThat(empty.texts()).isEmpty();
        assertThat(emptyArray.toString()).isEqualTo("{\"data\":[],\"next\":null}");
    }

    private static JsonNode read(String body, StreamedRecords records) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            return ExactJsonTree.read(parser, records);
        }
    }

    /** Keeps what it is handed. */
    private static final class Collected implements StreamedRecords {

        private final List<String> path;
        private final List<JsonNode> records = new ArrayList<>();
        private boolean opened;

        Collected(String... path) {
            this.path = List.of(path);
        }

        @Override
        public List<String> path() {
            return path;
        }

        @Override
        public void opened() {
            opened = true;
        }

        @Override
        public void record(JsonNode record) {
            records.add(record);
        }

        @Override
        public void bodyRead() {
        }

        List<String> texts() {
            return records.stream().map(JsonNode::toString).toList();
        }
    }
}
