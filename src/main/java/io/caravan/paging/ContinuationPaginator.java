package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import io.caravan.response.ExactJsonTree;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A continuation object in the body whose every key goes into the next query (MediaWiki's
 * {@code "continue": {"apcontinue": "…", "continue": "-||"}}): the keys may change from page to page,
 * so the previous continuation's keys are removed before the new ones are set, and a key that
 * disappears is not sent again. No object (or an empty one) ends the run. The object is the request's
 * token, as JSON text, so a resumed run knows which keys it set.
 */
public final class ContinuationPaginator implements Paginator {

    private final JsonPaths continueFrom;

    public ContinuationPaginator(String continueFrom) {
        this.continueFrom = JsonPaths.compile(continueFrom);
    }

    @Override
    public boolean followsTheApi() {
        return true;
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        JsonNode continuation = continueFrom.read(page.body());
        if (!continuation.isObject() || continuation.isEmpty()) {
            if (!continuation.isMissingNode() && !continuation.isNull() && !continuation.isObject()) {
                throw new IllegalArgumentException("continueFrom " + continueFrom + " is a JSON "
                        + continuation.getNodeType().name().toLowerCase() + ", not an object of query parameters");
            }
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>(base.query());
        previousKeys(page.request()).forEachRemaining(query::remove);
        continuation.fields().forEachRemaining(field -> query.put(field.getKey(),
                field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        return Optional.of(new PageRequest(base.method(), base.url(), query, base.headers(), base.body(),
                base.pageIndex(), continuation.toString()));
    }

    private static Iterator<String> previousKeys(PageRequest request) {
        if (request.token() == null) {
            return Collections.emptyIterator();
        }
        try {
            return ExactJsonTree.parse(request.token()).fieldNames();
        } catch (IOException e) {
            throw new IllegalStateException("the stored continuation is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public String endReason(Page page) {
        return "no continuation object at " + continueFrom;
    }
}
