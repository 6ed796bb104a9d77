package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Dropbox style, following calls: POST {@code list_folder/continue} with {@code {"cursor": …}} and nothing else. */
final class DropboxContinueContract extends Contract {

    DropboxContinueContract() {
        super("/dropbox/2/files/list_folder/continue", "limit", 100);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        return withCursor(query, body.hasNonNull("cursor") ? body.get("cursor").asText() : null);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        if (!request.method().equals("POST") || request.body().size() != 1 || !request.body().has("cursor")) {
            return SandboxResponse.error(400, "list_folder/continue takes a POST body with only a cursor");
        }
        return DropboxListFolderContract.entries(request, data, knobs, intParam(request.params(), "start", 0));
    }
}
