package io.caravan.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * MediaWiki's query continuation: {@code list=allpages} with {@code aplimit}, answered with
 * {@code "continue": {...}} whose every key the next request must carry, and nothing else of an earlier
 * one. The keys change from page to page, as a generator with {@code prop=revisions} hands out
 * {@code rvcontinue} and then {@code apcontinue} again: {@code {"apcontinue": "Record_…", "continue": "-||"}}
 * and {@code {"rvcontinue": "…|…", "continue": "||"}} alternate. A request whose continuation keys do not
 * match its {@code continue} value (a stale key sent along) gets MediaWiki's {@code badcontinue} error;
 * the last page has no {@code continue} and says {@code batchcomplete}.
 */
final class MediaWikiContract extends Contract {

    MediaWikiContract() {
        super("/mediawiki/w/api.php", "aplimit", 10);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        String continued = request.params().get("continue");
        String ap = request.params().get("apcontinue");
        String rv = request.params().get("rvcontinue");
        int start;
        if (continued == null || continued.isEmpty()) {
            start = ap == null && rv == null ? 0 : -1;
        } else if (continued.equals("-||") && ap != null && rv == null) {
            start = Integer.parseInt(ap.substring("Record_".length()));
        } else if (continued.equals("||") && rv != null && ap == null) {
            start = Integer.parseInt(rv.substring(0, rv.indexOf('|')));
        } else {
            start = -1;
        }
        if (start < 0) {
            return SandboxResponse.json(("{\"error\":{\"code\":\"badcontinue\",\"info\":\"Invalid continue param. You"
                    + " should pass the original value returned by the previous query.\"}}").getBytes(StandardCharsets.UTF_8))
                    .withHeader("MediaWiki-API-Error", "badcontinue");
        }
        PageSlice slice = PageSlice.of(data, start, knobs);
        String head;
        if (!slice.hasMore()) {
            head = "{\"batchcomplete\":\"\",";
        } else if (slice.next() / knobs.pageSize() % 2 == 0) {
            head = "{\"continue\":{\"apcontinue\":\"Record_" + String.format("%08d", slice.next()) + "\",\"continue\":\"-||\"},";
        } else {
            head = "{\"continue\":{\"rvcontinue\":\"" + slice.next() + "|" + (slice.next() * 7L + 3) + "\",\"continue\":\"||\"},";
        }
        return page(head + "\"query\":{\"allpages\":", slice, "}}");
    }
}
