package io.caravan.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Help Scout style: 1-based {@code page}, HAL body with the records under
 * {@code _embedded.conversations} and the totals under {@code page}.
 */
final class HelpScoutContract extends Contract {

    HelpScoutContract() {
        super("/helpscout/v2/conversations", "page_size", 50);
    }

    @Override
    SandboxResponse serve(String requestUrl, Map<String, String> query, DataSet data, Knobs knobs) {
        int number = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1")));
        int totalPages = (data.size() + knobs.pageSize() - 1) / knobs.pageSize();
        PageSlice slice = PageSlice.of(data, (number - 1) * knobs.pageSize(), knobs.pageSize(), knobs.overlap());
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * knobs.pageSize() + 256);
        out.writeBytes(ascii("{\"_embedded\":{\"conversations\":"));
        slice.writeArray(out);
        out.writeBytes(ascii("},\"_links\":{\"self\":{\"href\":\"" + Links.withParam(requestUrl, "page", number) + "\"}"));
        if (number < totalPages) {
            out.writeBytes(ascii(",\"next\":{\"href\":\"" + Links.withParam(requestUrl, "page", number + 1) + "\"}"));
        }
        out.writeBytes(ascii("},\"page\":{\"size\":" + knobs.pageSize() + ",\"totalElements\":" + data.size()
                + ",\"totalPages\":" + totalPages + ",\"number\":" + number + "}}"));
        return SandboxResponse.json(out.toByteArray());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
