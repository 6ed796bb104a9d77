package io.caravan.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the sandbox answers: status, headers and body bytes. */
public record SandboxResponse(int status, Map<String, String> headers, byte[] body) {

    /** A JSON response with status 200. */
    public static SandboxResponse json(byte[] body) {
        return new SandboxResponse(200, new LinkedHashMap<>(Map.of("Content-Type", "application/json")), body);
    }

    /** A JSON error response. */
    public static SandboxResponse error(int status, String message) {
        String body = "{\"error\":\"" + message + "\"}";
        return new SandboxResponse(status, new LinkedHashMap<>(Map.of("Content-Type", "application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** This response with one more header. */
    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new SandboxResponse(status, next, body);
    }
}
