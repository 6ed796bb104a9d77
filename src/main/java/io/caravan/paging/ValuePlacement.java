package io.caravan.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.request.PageRequest;

/**
 * Where a paging value (page number, offset, cursor, token) goes in the next request: a query
 * parameter ({@code page} or {@code query:page}), a header ({@code header:X-Cursor}) or a field of the
 * JSON body, nested with dots ({@code body:paging.start_cursor}).
 */
public final class ValuePlacement {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private enum Kind { QUERY, HEADER, BODY }

    private final Kind kind;
    private final String name;

    private ValuePlacement(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
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
            default -> throw new IllegalArgumentException("paging value placement '" + spec
                    + "': use a name, query:name, header:Name or body:field.path");
        };
        if (name.isBlank()) {
            throw new IllegalArgumentException("paging value placement '" + spec + "' has no name");
        }
        return new ValuePlacement(kind, name);
    }

    /**
     * The request with {@code value} placed and remembered as its token. A number goes into a JSON
     * body as a number, anything else as a string.
     */
    public PageRequest apply(PageRequest request, Object value) {
        PageRequest placed = switch (kind) {
            case QUERY -> request.withQueryParam(name, value.toString());
            case HEADER -> request.withHeader(name, value.toString());
            case BODY -> request.withBody(withField(request.body(), value));
        };
        return placed.withToken(value.toString());
    }

    private String withField(String body, Object value) {
        try {
            JsonNode parsed = body == null || body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
            if (!(parsed instanceof ObjectNode root)) {
                throw new IllegalArgumentException("request body is not a JSON object; cannot set " + name);
            }
            String[] path = name.split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
            }
            String field = path[path.length - 1];
            if (value instanceof Number number) {
                parent.put(field, number.longValue());
            } else {
                parent.put(field, value.toString());
            }
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not valid JSON; cannot set " + name, e);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + ":" + name;
    }
}
