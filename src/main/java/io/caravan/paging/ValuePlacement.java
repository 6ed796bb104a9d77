package io.caravan.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.request.PageRequest;

/**
 * Where a paging value (page number, offset, cursor, token) goes in the next request: a query
 * parameter ({@code page} or {@code query:page}), a header ({@code header:X-Cursor}) or a field of the
 * JSON body, nested with dots ({@code body:paging.start_cursor}). A bound (a high-water mark, a
 * slice's start) may also replace a placeholder in the URL's path ({@code path:since} fills
 * {@code {since}}); paging values cannot, as the next page would have no placeholder left.
 */
public final class ValuePlacement {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private enum Kind { QUERY, HEADER, BODY, PATH }

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
            case "path" -> Kind.PATH;
            default -> throw new IllegalArgumentException("value placement '" + spec
                    + "': use a name, query:name, header:Name, body:field.path or path:placeholder");
        };
        if (name.isBlank()) {
            throw new IllegalArgumentException("paging value placement '" + spec + "' has no name");
        }
        return new ValuePlacement(kind, name);
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
     * The request with {@code value} placed and remembered as its token. A number goes into a JSON
     * body as a number, anything else as a string.
     */
    public PageRequest apply(PageRequest request, Object value) {
        PageRequest placed = switch (kind) {
            case QUERY -> request.withQueryParam(name, value.toString());
            case HEADER -> request.withHeader(name, value.toString());
            case BODY -> request.withBody(withField(request.body(), value));
            case PATH -> request.to(request.method(), inPath(request.url(), value));
        };
        return placed.withToken(value.toString());
    }

    private String inPath(String url, Object value) {
        String placeholder = "{" + name + "}";
        if (!url.contains(placeholder)) {
            throw new IllegalArgumentException("the URL has no " + placeholder + " for the value placed at path:" + name);
        }
        return url.replace(placeholder, PageRequest.encode(value.toString()));
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
