package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.request.PageRequest;
import io.caravan.response.ExactJsonTree;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The has-more flag: false, "false", 0 and a missing or null member end the run (APIs whose JSON leaves
 * out false, as protobuf's does); true, "true" and 1 go on; anything else is refused, never guessed.
 */
class HasMoreFlagTest {

    private final StopConditions stops = new StopConditions(false, "$.more", new Totals(null, null, null, null, null, 0),
            0, 0, 0);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"more": false}         | $.more is false
            {"more": "false"}       | $.more is false
            {"more": "FALSE"}       | $.more is false
            {"more": 0}             | $.more is 0
            {}                      | $.more is missing (read as false)
            {"more": null}          | $.more is missing (read as false)
            {"more": true}          |
            {"more": "true"}        |
            {"more": 1}             |
            """)
    void theFlagDecides(String body, String reason) throws Exception {
        assertThat(stop(body)).isEqualTo(Optional.ofNullable(reason));
    }

    @Test
    void aFlagThatIsNeitherIsRefused() {
        assertThatThrownBy(() -> stop("{\"more\": \"yes\"}")).hasMessage("the has-more flag $.more is \"yes\", not true or false");
    }

    private Optional<String> stop(String body) throws Exception {
        JsonNode tree = ExactJsonTree.parse(body);
        Page page = new Page(PageRequest.get("http://127.0.0.1/x"), Map.of(), tree, List.of(tree));
        PagingTally tally = new PagingTally();
        return stops.reasonToStop(page, tally);
    }
}
