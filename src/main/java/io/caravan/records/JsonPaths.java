package io.caravan.records;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A compiled JSONPath (the Jayway engine that camel-jsonpath uses) evaluated on Jackson trees, so a
 * page is parsed once however many paths read it.
 */
public final class JsonPaths {

    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final String expression;
    private final JsonPath path;

    private JsonPaths(String expression) {
        this.expression = expression;
        this.path = JsonPath.compile(expression);
    }

    /** Compiles {@code expression}; a bare field name is read as {@code $.name}. */
    public static JsonPaths compile(String expression) {
        String trimmed = expression.trim();
        return new JsonPaths(trimmed.startsWith("$") ? trimmed : "$." + trimmed);
    }

    /** The value at this path, or a missing node when nothing matches. */
    public JsonNode read(JsonNode document) {
        JsonNode value = path.read(document, JACKSON);
        return value == null ? MissingNode.getInstance() : value;
    }

    @Override
    public String toString() {
        return expression;
    }
}
