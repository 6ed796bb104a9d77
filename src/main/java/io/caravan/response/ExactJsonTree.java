package io.caravan.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
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
import java.util.List;

/**
 * Builds a Jackson tree from a parser with every number an {@link ExactNumberNode} holding the
 * API's own text: Jackson's own tree reads numbers into {@code double}, {@code int} or {@code long}
 * and writes {@code 12345678901234567.89} back as {@code 12345678901234568}, {@code 10.10} as
 * {@code 10.1} and {@code -0} as {@code 0}. Iterative, so any depth the parser's limits allow is built
 * without recursion. The array of a page's records can be left out of the tree, its elements handed
 * on one by one as the parser meets them ({@link StreamedRecords}).
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
        return read(parser, null);
    }

    /**
     * As {@link #read(JsonParser)}, but the array at {@code records}' path (the first found there, if
     * any) is not built into the tree: each of its elements, built alone, goes to {@code records} as the
     * parser meets it, and the tree keeps an empty array in its place.
     */
    static JsonNode read(JsonParser parser, StreamedRecords records) throws IOException {
        JsonToken first = parser.nextToken();
        return first == null ? null : value(parser, first, records);
    }

    /** The value that starts with {@code token}, the parser's current one. */
    private static JsonNode value(JsonParser parser, JsonToken token, StreamedRecords records) throws IOException {
        StreamedRecords streaming = records;
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        JsonNode root = null;
        String field = null;
        do {
            switch (token) {
                case FIELD_NAME -> field = parser.currentName();
                case END_OBJECT, END_ARRAY -> open.pop();
                default -> {
                    JsonNode node;
                    boolean streamed = token == JsonToken.START_ARRAY && streaming != null
                            && at(parser.getParsingContext().getParent(), streaming.path());
                    if (streamed) {
                        stream(parser, streaming);
                        streaming = null;
                        node = NODES.arrayNode();
                    } else {
                        node = node(parser, token);
                    }
                    ContainerNode<?> parent = open.peek();
                    if (parent instanceof ObjectNode object) {
                        object.set(field, node);
                    } else if (parent instanceof ArrayNode array) {
                        array.add(node);
                    } else {
                        root = node;
                    }
                    if (!streamed && node instanceof ContainerNode<?> container) {
                        open.push(container);
                    }
                }
            }
            // The parser itself refuses a document that ends inside an object or array.
            token = open.isEmpty() ? null : parser.nextToken();
        } while (token != null);
        return root;
    }

    /** Hands each element of the array just opened to {@code records}, through to the array's end. */
    private static void stream(JsonParser parser, StreamedRecords records) throws IOException {
        records.opened();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            records.record(value(parser, token, null));
        }
    }

    /** Whether {@code context}, the one holding an array just opened, is at {@code path}'s field names from the root. */
    private static boolean at(JsonStreamContext context, List<String> path) {
        JsonStreamContext at = context;
        for (int i = path.size() - 1; i >= 0; i--) {
            if (at == null || !at.inObject() || !path.get(i).equals(at.getCurrentName())) {
                return false;
            }
            at = at.getParent();
        }
        return at != null && at.inRoot();
    }

    private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> NODES.objectNode();
            case START_ARRAY -> NODES.arrayNode();
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new ExactNumberNode(parser.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            default -> throw new IOException("unexpected JSON token " + token);
        };
    }
}
