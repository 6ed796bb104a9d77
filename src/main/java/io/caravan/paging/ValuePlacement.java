package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.request.PageRequest;
import io.caravan.response.ExactJsonTree;
import io.caravan.response.ExactNumberNode;
import java.math.BigDecimal;
import java.io.IOException;

/**
 * Where a paging value (page number, offset, cursor, token) goes in the next request: a query
 * parameter ({@code page} or {@code query:page}), a header ({@code header:X-Cursor}) or a field of the
 * JSON body, nested with dots ({@code body:paging.start_cursor}). A bound (a high-water mark, a
 * slice's start) may also replace a placeholder in the URL's path ({@code path:since} fills
 * {@code {since}}); paging values cannot, as the next page would have no placeholder left.
 *
 * <p>A value keeps its JSON type in a JSON body: an array ({@code search_after}), an object, a number,
 * a boolean, a string or null goes in as it came. In the query, a header or the path it is written as
 * text, or, for a placement {@linkplain #asJson() asked to}, as JSON text ({@code startkey="abc"}); an
 * array or object goes there only as JSON text, never flattened or emptied.
 */
public final class ValuePlacement {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private enum Kind { QUERY, HEADER, BODY, PATH }

    private final Kind kind;
    private final String name;
    private final boolean json;

    private ValuePlacement(Kind kind, String name, boolean json) {
        this.kind = kind;
        this.name = name;
        this.json = json;
    }

    /** This placement writing values as JSON text in the query, a header or the path ({@code "abc"}, {@code [1,"x"]}). */
    public ValuePlacement asJson() {
        return new ValuePlacement(kind, name, true);
    }

    /** Parses {@code [query:|header:|body:]name}; a bare name is a query parameter. */
    public static ValuePlacement parse(String spec) {
        String trimmed = spec.trim();
        int colon = trimmed.indexOf(':');
        String prefix = colon < 0 ? "query" : trimmed.substring(0, colon);
        String name = colon < 0 ? trimmed : trimmed.substring(colon + 1);
        Kind kind = switch (prefix) {
            case "query" -> Kind.QUERY;
            case "header" -> Kind.HEADER;
            case "body" -> Kind.BODY;
            case "path" -> Kind.PATH;
            default -> throw new IllegalArgumentException("value placement '" + spec
                    + "': use a name, query:name, header:Name, body:field.path or path:placeholder");
        };
        if (name.isBlank()) {
            throw new IllegalArgumentException("paging value placement '" + spec + "' has no name");
        }
        return new ValuePlacement(kind, name, false);
    }

    /** Parses a paging value's placement: as {@link #parse}, but not into the path. */
    public static ValuePlacement parsePaging(String spec) {
        ValuePlacement placement = parse(spec);
        if (placement.kind == Kind.PATH) {
            throw new IllegalArgumentException("paging value placement '" + spec
                    + "': a paging value cannot go into the path; use a name, query:name, header:Name or body:field.path");
        }
        return placement;
    }

    /**
     * The request with {@code value} (a number, a string or a {@link JsonNode}) placed and remembered as
     * its token (its text, or its JSON text when it is an array or object).
     */
    public PageRequest apply(PageRequest request, Object value) {
        JsonNode node = node(value);
        PageRequest placed = switch (kind) {
            case QUERY -> request.withQueryParam(name, written(node));
            case HEADER -> request.withHeader(name, written(node));
            case BODY -> request.withBody(withField(request.body(), node));
            case PATH -> request.to(request.method(), inPath(request.url(), written(node)));
        };
        return placed.withToken(node.isValueNode() ? node.asText() : node.toString());
    }

    private static JsonNode node(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Number number) {
            return new ExactNumberNode(number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString());
        }
        return MAPPER.getNodeFactory().textNode(value.toString());
    }

    /** The value as text for the query, a header or the path. */
    private String written(JsonNode node) {
        if (json) {
            return node.toString();
        }
        if (node.isContainerNode()) {
            throw new IllegalArgumentException("the value for " + this + " is a JSON " + (node.isArray() ? "array" : "object")
                    + ": it goes into a JSON body as it is; to send it as JSON text here, ask for format json");
        }
        return node.isNull() ? "null" : node.asText();
    }

    private String inPath(String url, String value) {
        String placeholder = "{" + name + "}";
        if (!url.contains(placeholder)) {
            throw new IllegalArgumentException("the URL has no " + placeholder + " for the value placed at path:" + name);
        }
        return url.replace(placeholder, PageRequest.encode(value));
    }

    private String withField(String body, JsonNode value) {
        try {
            JsonNode parsed = body == null || body.isBlank() ? MAPPER.createObjectNode() : ExactJsonTree.parse(body);
            if (!(parsed instanceof ObjectNode root)) {
                throw new IllegalArgumentException("request body is not a JSON object; cannot set " + name);
            }
            String[] path = name.split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
            }
            parent.set(path[path.length - 1], value);
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not valid JSON; cannot set " + name, e);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + ":" + name + (json ? " (as JSON)" : "");
    }
}
