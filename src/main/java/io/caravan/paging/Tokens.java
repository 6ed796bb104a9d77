package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads a paging token from JSON. As text: missing, null, an empty string or a container count as
 * none. As a value (a cursor that keeps its JSON type): missing, null, an empty string and an empty
 * array or object count as none; anything else is the token.
 */
final class Tokens {

    private Tokens() {
    }

    static Optional<String> text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    static Optional<JsonNode> value(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull() || value.isContainerNode() && value.isEmpty()
                || value.isTextual() && value.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
