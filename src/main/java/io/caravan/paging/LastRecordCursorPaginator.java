package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import java.util.Optional;

/**
 * Cursor taken from the last record of the page: Stripe's {@code starting_after} = last id, or a
 * keyset on a sort key. An empty page has no last record, so it ends the run.
 */
public final class LastRecordCursorPaginator implements Paginator {

    private final ValuePlacement placement;
    private final JsonPaths cursorField;

    public LastRecordCursorPaginator(ValuePlacement placement, String cursorField) {
        this.placement = placement;
        this.cursorField = JsonPaths.compile(cursorField);
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        JsonNode last = page.lastRecord();
        if (last == null) {
            return Optional.empty();
        }
        JsonNode cursor = cursorField.read(last);
        if (cursor.isMissingNode() || cursor.isNull() || cursor.isContainerNode()) {
            throw new IllegalArgumentException("cursor field " + cursorField + " has no value in the last record");
        }
        return Optional.of(placement.apply(base, cursor.asText()));
    }

    @Override
    public String endReason(Page page) {
        return "an empty page (no last record to take the cursor from)";
    }
}
