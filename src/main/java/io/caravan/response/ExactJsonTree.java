package io.caravan.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds a Jackson tree from a parser with every number an {@link ExactNumberNode} holding the
 * API's own text: Jackson's own tree reads numbers into {@code double}, {@code int} or {@code long}
 * and writes {@code 12345678901234567.89} back as {@code 12345678901234568}, {@code 10.10} as
 * {@code 10.1} and {@code -0} as {@code 0}. Iterative, so any depth the parser's limits allow is built
 * without recursion.
 */
public final class ExactJsonTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory JSON = new JsonFactory();

    private ExactJsonTree() {
    }

    /** {@code json} as an exact tree (a request body Caravan rewrites keeps the numbers it was given). */
    public static JsonNode parse(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser);
        }
    }

    /** The next JSON value of {@code parser}, or {@code null} when there is none. */
    static JsonNode read(JsonParser parser) throws IOException {
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        String field = null;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            JsonNode node;
            switch (token) {
                case FIELD_NAME -> {
                    field = parser.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    ContainerNode<?> closed = open.pop();
                    if (open.isEmpty()) {
                        return closed;
                    }
                    continue;
                }
                case START_OBJECT -> node = NODES.objectNode();
                case START_ARRAY -> node = NODES.arrayNode();
                case VALUE_STRING -> node = TextNode.valueOf(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> node = new ExactNumberNode(parser.getText());
                case VALUE_TRUE -> node = BooleanNode.TRUE;
                case VALUE_FALSE -> node = BooleanNode.FALSE;
                case VALUE_NULL -> node = NullNode.getInstance();
                default -> throw new IOException("unexpected JSON token " + token);
            }
            ContainerNode<?> parent = open.peek();
            if (parent instanceof ObjectNode object) {
                object.set(field, node);
            } else if (parent instanceof ArrayNode array) {
                array.add(node);
            }
            if (node instanceof ContainerNode<?> container) {
                open.push(container);
            } else if (parent == null) {
                return node;
            }
        }
        // The parser itself refuses a document that ends inside an object or array.
        return null;
    }
}
