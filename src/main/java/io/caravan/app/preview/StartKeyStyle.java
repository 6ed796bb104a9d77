package io.caravan.app.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.caravan.paging.KeySuccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Key-ordered APIs whose next page starts <em>at</em> the key sent, as CouchDB's {@code startkey} and
 * etcd's range {@code key} do: the last record's key, or a field the records come ordered by, sent
 * back in a field of the JSON body or a query parameter (as text, or as JSON text where the API
 * refuses the bare value) gives a page that begins with that record again. A base64 key is then sent
 * as its successor (its bytes and a zero byte), which starts just after it, when that proves out;
 * otherwise the key goes as it is and the repeated record is dropped ({@code cursorInclusive}).
 */
final class StartKeyStyle {

    private static final List<String> START_PARAMS = List.of("startkey", "start_key");

    private final FirstPageProbe probe;
    private final Set<String> ignored = new HashSet<>();

    StartKeyStyle(FirstPageProbe probe) {
        this.probe = probe;
    }

    Map<String, String> startAtKey() throws InterruptedException {
        List<JsonNode> records = probe.shape().records();
        if (records.size() < 2 || !records.get(0).isObject()) {
            return null;
        }
        for (String field : fields()) {
            JsonNode last = PageShape.at(records.get(records.size() - 1), field);
            for (String target : targets()) {
                if (ignored.contains(target)) {
                    continue;
                }
                Map<String, String> found = tryTarget(field, last, target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Sends {@code last} to {@code target} (as text, then as JSON text if refused); the parameters when the page starts at it. */
    private Map<String, String> tryTarget(String field, JsonNode last, String target) throws InterruptedException {
        boolean inBody = target.startsWith("body:");
        for (boolean json : inBody ? new boolean[] {false} : new boolean[] {false, true}) {
            PreviewPage page = send(target, json ? new TextNode(last.toString()) : last);
            if (!page.ok()) {
                continue;
            }
            if (!probe.startsAtLastRecord(page)) {
                if (probe.sameRecords(page)) {
                    ignored.add(target);
                }
                return null;
            }
            String sent = (inBody ? "the body's " + target.substring(5) : target + "=") + (json ? " (as JSON text)" : "");
            Map<String, String> found = FirstPageProbe.ordered("pagination", "lastRecordCursor", "cursorField", field,
                    "cursorParam", target);
            if (json) {
                found.put("cursorFormat", "json");
            }
            if (base64Successor(target, json, last)) {
                found.put("cursorSuccessor", "base64");
                probe.evidence("the API starts a page at the key sent as " + sent + ", and the last record's " + field
                        + " plus a zero byte (base64) starts the next page after it");
            } else {
                found.put("cursorInclusive", "true");
                probe.evidence("the API starts a page at the key sent as " + sent + ": the last record's " + field
                        + " starts the next page with that record again, which is dropped");
            }
            String flag = probe.moreFlag();
            if (flag != null) {
                found.put("hasMorePath", flag);
            }
            return found;
        }
        return null;
    }

    private boolean base64Successor(String target, boolean json, JsonNode last) throws InterruptedException {
        if (!last.isTextual()) {
            return false;
        }
        JsonNode after;
        try {
            after = KeySuccessor.BASE64.after(last);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return probe.leadsOn(send(target, json ? new TextNode(after.toString()) : after));
    }

    private PreviewPage send(String target, JsonNode value) throws InterruptedException {
        if (target.startsWith("body:")) {
            return probe.fetcher().probe(probe.first().uri(), FirstPageProbe.withField(probe.fetcher().body(), target.substring(5), value));
        }
        return probe.fetcher().probe(PageFetcher.with(probe.first().uri(), target, value.asText()));
    }

    /** The record fields a page could start at: the key first, then text fields the page is in ascending order of. */
    private List<String> fields() {
        List<String> fields = new ArrayList<>();
        if (probe.keyPath() != null) {
            fields.add(probe.keyPath());
        }
        for (Iterator<String> names = probe.shape().records().get(0).fieldNames(); names.hasNext();) {
            String path = PageShape.child("$", names.next());
            if (!fields.contains(path) && ascendingText(path)) {
                fields.add(path);
            }
        }
        return fields;
    }

    private boolean ascendingText(String path) {
        String previous = null;
        for (JsonNode record : probe.shape().records()) {
            JsonNode value = PageShape.at(record, path);
            if (value == null || !value.isTextual() || (previous != null && value.asText().compareTo(previous) < 0)) {
                return false;
            }
            previous = value.asText();
        }
        return true;
    }

    /** Where a start key can go: the JSON body's text fields (for a request with a body), then the usual query parameters. */
    private List<String> targets() {
        List<String> targets = new ArrayList<>();
        JsonNode body = probe.fetcher().body();
        if (body != null && body.isObject()) {
            body.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    targets.add("body:" + field.getKey());
                }
            });
        }
        targets.addAll(START_PARAMS);
        return targets;
    }
}
