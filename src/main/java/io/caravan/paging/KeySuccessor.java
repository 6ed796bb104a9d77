package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The least key greater than a given one, for key-ordered APIs whose next page starts <em>at</em> a key
 * (etcd's {@code key}, DynamoDB-like ranges): the next page then starts just after the last key read,
 * with no record repeated. A number's successor is the number plus one; a string's is the string plus
 * a zero character; a base64 key's is the decoded bytes plus a zero byte, encoded again in the same
 * alphabet (standard or URL-safe) and padding.
 */
public enum KeySuccessor {

    /** The key itself: the API's cursor is exclusive already. */
    NONE,
    /** An integer key plus one. */
    NUMBER,
    /** A string key plus {@code \u0000}. */
    STRING,
    /** A base64 key's bytes plus {@code 0x00}. */
    BASE64;

    /** Parses a {@code cursorSuccessor} value. */
    public static KeySuccessor parse(String name) {
        return valueOf(name.toUpperCase());
    }

    /** The successor of {@code key}. */
    public JsonNode after(JsonNode key) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (this) {
            case NONE -> key;
            case NUMBER -> {
                if (!key.isIntegralNumber() && !(key.isTextual() && key.asText().matches("-?\\d+"))) {
                    throw new IllegalArgumentException("cursorSuccessor number needs an integer key, not " + key);
                }
                BigInteger next = new BigInteger(key.asText()).add(BigInteger.ONE);
                yield key.isTextual() ? nodes.textNode(next.toString()) : nodes.numberNode(next);
            }
            case STRING -> nodes.textNode(key.asText() + '\u0000');
            case BASE64 -> nodes.textNode(base64After(key.asText()));
        };
    }

    private static String base64After(String key) {
        boolean urlSafe = key.indexOf('-') >= 0 || key.indexOf('_') >= 0;
        boolean padded = key.endsWith("=") || key.length() % 4 == 0;
        byte[] bytes;
        try {
            bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(key.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursorSuccessor base64: the key '" + key + "' is not base64");
        }
        byte[] next = Arrays.copyOf(bytes, bytes.length + 1);
        Base64.Encoder encoder = urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder();
        return (padded ? encoder : encoder.withoutPadding()).encodeToString(next);
    }
}
