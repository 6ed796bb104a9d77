package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A request as a contract sees it.
 *
 * @param url     the absolute URL requested, for building links
 * @param path    the path
 * @param method  the HTTP method
 * @param params  the query parameters, with any knobs an opaque cursor carried merged in
 * @param headers request header by lower-case name
 * @param body    the parsed JSON body, or an empty object
 */
record SandboxRequest(String url, String path, String method, Map<String, String> params,
        Map<String, String> headers, JsonNode body) {
}
