package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Dropbox style, first call: POST {@code list_folder} with {@code {"path": …, "limit": N}}; the
 * following pages go to {@link DropboxContinueContract} with only the cursor.
 */
final class DropboxListFolderContract extends Contract {

    DropboxListFolderContract() {
        super("/dropbox/2/files/list_folder", "limit", 100);
    }

    @Override
    Map<String, String> params(Map<String, String> query, Map<String, String> headers, JsonNode body) {
        return withBodyField(query, body, "limit");
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        if (!request.method().equals("POST") || !request.body().has("path")) {
            return SandboxResponse.error(400, "list_folder takes a POST body with a path");
        }
        return entries(request, data, knobs, 0);
    }

    /** A page of entries from {@code start}, with the cursor for the rest. */
    static SandboxResponse entries(SandboxRequest request, DataSet data, Knobs knobs, int start) {
        PageSlice slice = PageSlice.of(data, start, knobs);
        return page("{\"entries\":", slice, ",\"cursor\":" + quoted(OpaqueCursor.at(slice.next(), request.params(), "limit"))
                + ",\"has_more\":" + slice.hasMore() + "}");
    }
}
