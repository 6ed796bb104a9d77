package io.caravan.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cursors as real APIs hand them out: opaque standard Base64 (always with {@code + / =}),
 * carrying the position and the knobs the follow-up request no longer repeats.
 */
final class OpaqueCursor {

    /** The knob a cursor carries the sandbox's cursor generation in: cursors of an older one have expired. */
    static final String CURSOR_GENERATION = "cursor_gen";
    /** The knob a cursor carries the time it was handed out in (epoch millis), for {@code cursor_ttl_ms}. */
    static final String ISSUED = "cursor_issued";

    private OpaqueCursor() {
    }

    /** Leading bytes that Base64 renders as "++++////": every cursor needs careful URL encoding. */
    private static final byte[] MAGIC = {(byte) 0xFB, (byte) 0xEF, (byte) 0xBE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    static String encode(Map<String, String> fields) {
        StringBuilder text = new StringBuilder("~cursor?");
        fields.forEach((name, value) -> text.append(name).append('=').append(value).append('&'));
        while ((MAGIC.length + text.length()) % 3 != 1) {
            text.append('&');
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[MAGIC.length + body.length];
        System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
        System.arraycopy(body, 0, bytes, MAGIC.length, body.length);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The fields of a cursor; an unreadable cursor is an error the contract answers with 400. */
    static Map<String, String> decode(String cursor) {
        String text;
        try {
            byte[] bytes = Base64.getDecoder().decode(cursor);
            text = bytes.length < MAGIC.length ? ""
                    : new String(bytes, MAGIC.length, bytes.length - MAGIC.length, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cursor");
        }
        if (!text.startsWith("~cursor?")) {
            throw new IllegalArgumentException("invalid cursor");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.substring(8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return fields;
    }

    /** A cursor for the records from {@code start}, keeping the data-set and fault knobs of {@code params}. */
    static String at(int start, Map<String, String> params, String pageSizeParam) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("start", Integer.toString(start));
        if (params.containsKey("cursor_ttl_ms")) {
            // Only then: a cursor is otherwise the same each time it is handed out (repeat_cursor relies on it).
            fields.put(ISSUED, Long.toString(System.currentTimeMillis()));
        }
        for (String knob : new String[] {"records", "seed", "max_page_size", "endless", "repeat_cursor", "overlap",
                "empty_page_at", "past_empty", CURSOR_GENERATION, "cursor_ttl_ms", "fail_rate", "rate_limit_rate",
                "retry_after_s", "rate_limit_status", "malformed_rate", "html_rate", "drop_rate", pageSizeParam}) {
            if (params.containsKey(knob)) {
                fields.put(knob, params.get(knob));
            }
        }
        return encode(fields);
    }
}
