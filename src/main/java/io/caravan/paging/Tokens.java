package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads a paging token from JSON: missing, null, an empty string or a container count as none. */
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
}
