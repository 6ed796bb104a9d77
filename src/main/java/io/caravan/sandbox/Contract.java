package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One API's pagination contract, served under a path of the sandbox. */
abstract class Contract {

    private final String path;
    private final String pageSizeParam;
    private final int defaultPageSize;

    /**
     * @param path            the path this contract answers, e.g. {@code /github/repos/caravan/demo/issues}
     * @param pageSizeParam   the contract's page-size query parameter
     * @param defaultPageSize the page size when the client asks for none
     */
    Contract(String path, String pageSizeParam, int defaultPageSize) {
        this.path = path;
        this.pageSizeParam = pageSizeParam;
        this.defaultPageSize = defaultPageSize;
    }

    final String path() {
        return path;
    }

    final String pageSizeParam() {
        return pageSizeParam;
    }

    final int defaultPageSize() {
        return defaultPageSize;
    }

    /**
     * The request's parameters: the query string by default; a contract adds what its cursor carries
     * or what it reads from headers or the body.
     */
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        return query;
    }

    /** How many records of the seeded data set the contract serves from (more when its data grows). */
    int dataSetSize(Knobs knobs) {
        return knobs.records();
    }

    /** Serves one page. */
    abstract SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs);

    /** The parameters merged with the fields of the cursor found in {@code cursor}, if any. */
    static Map<String, String> withCursor(Map<String, String> params, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return params;
        }
        Map<String, String> merged = new LinkedHashMap<>(params);
        merged.putAll(OpaqueCursor.decode(cursor));
        return merged;
    }

    /** The parameters plus a field of the JSON body under the same name, when the body has it. */
    static Map<String, String> withBodyField(Map<String, String> params, JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            return params;
        }
        Map<String, String> merged = new LinkedHashMap<>(params);
        merged.put(field, body.get(field).asText());
        return merged;
    }

    /** A JSON page: {@code prefix}, the slice's records as an array, {@code suffix}. */
    static SandboxResponse page(String prefix, PageSlice slice, String suffix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * Math.max(1, slice.to() - slice.from()) + 256);
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        slice.writeArray(out);
        out.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
        return SandboxResponse.json(out.toByteArray());
    }

    /** A JSON page: {@code prefix}, what {@code item} writes for each of the slice's records as an array, {@code suffix}. */
    static SandboxResponse page(String prefix, PageSlice slice, PageSlice.Item item, String suffix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(640 * Math.max(1, slice.to() - slice.from()) + 256);
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        slice.writeArray(out, item);
        out.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
        return SandboxResponse.json(out.toByteArray());
    }

    /** Writes {@code text} as UTF-8. */
    static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An int parameter, or the default. */
    static int intParam(Map<String, String> params, String name, int defaultValue) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? defaultValue : Integer.parseInt(value);
    }

    /** A JSON string literal (quotes included). */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
