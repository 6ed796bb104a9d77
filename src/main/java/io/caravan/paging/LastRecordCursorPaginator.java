package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import java.util.Optional;

/**
 * Cursor taken from the last record of the page (Stripe's {@code starting_after} = last id, or a
 * keyset on a sort key): stops on an empty page and when the has-more flag is false.
 */
public final class LastRecordCursorPaginator implements Paginator {

    private final String param;
    private final JsonPaths cursorField;
    private final JsonPaths hasMore;

    /**
     * @param param       the query parameter carrying the cursor
     * @param cursorField JSONPath, within a record, of the cursor value
     * @param hasMorePath JSONPath to the has-more flag in the body, or blank when the API gives none
     */
    public LastRecordCursorPaginator(String param, String cursorField, String hasMorePath) {
        this.param = param;
        this.cursorField = JsonPaths.compile(cursorField);
        this.hasMore = hasMorePath == null || hasMorePath.isBlank() ? null : JsonPaths.compile(hasMorePath);
    }

    @Override
    public Optional<PageRequest> next(Page page) {
        JsonNode last = page.lastRecord();
        if (last == null) {
            return Optional.empty();
        }
        if (hasMore != null) {
            JsonNode flag = hasMore.read(page.body());
            if (flag.isBoolean() && !flag.asBoolean()) {
                return Optional.empty();
            }
        }
        JsonNode cursor = cursorField.read(last);
        if (cursor.isMissingNode() || cursor.isNull() || cursor.isContainerNode()) {
            throw new IllegalArgumentException("cursor field " + cursorField + " has no value in the last record");
        }
        return Optional.of(page.request().following(param, cursor.asText()));
    }
}
