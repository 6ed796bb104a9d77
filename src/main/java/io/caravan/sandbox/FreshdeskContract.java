package io.caravan.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Freshdesk style: {@code page} / {@code per_page}, a bare array, and no metadata: the end is an empty
 * page. The {@code past_end} knob makes a page past the end misbehave as some APIs do:
 * {@code repeat_last} serves the last page again, {@code 400} answers 400 {@code page_out_of_range}.
 */
final class FreshdeskContract extends Contract {

    FreshdeskContract() {
        super("/freshdesk/api/v2/tickets", "per_page", 30);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        int number = Math.max(1, intParam(request.params(), "page", 1));
        int lastPage = Math.max(1, (data.size() + knobs.pageSize() - 1) / knobs.pageSize());
        if (number > lastPage) {
            String pastEnd = request.params().getOrDefault("past_end", "");
            if (pastEnd.equals("repeat_last")) {
                number = lastPage;
            } else if (pastEnd.equals("400")) {
                // Like real APIs, the explanation comes after a long preamble.
                return new SandboxResponse(400, Map.of("Content-Type", "application/json"), ("{\"error\":"
                        + "\"page_out_of_range\",\"detail\":\"" + "The page requested is beyond the data. ".repeat(15)
                        + "The last page is " + lastPage + ".\"}").getBytes(StandardCharsets.UTF_8));
            }
        }
        return page("", PageSlice.of(data, (number - 1) * knobs.pageSize(), knobs), "");
    }
}
