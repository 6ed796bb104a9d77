package io.caravan.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.request.PageRequest;
import io.caravan.request.Sha256;

/** A {@link PageRequest} as stored: JSON, and a SHA-256 key of what it sends. */
public final class RequestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestJson() {
    }

    public static String write(PageRequest request) {
        if (request == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store request: " + e.getOriginalMessage(), e);
        }
    }

    public static PageRequest read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, PageRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored request is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** The key of a page: a SHA-256 of its request's fingerprint, whatever page number it was counted as. */
    public static String pageKey(String fingerprint) {
        return Sha256.hex(fingerprint);
    }
}
