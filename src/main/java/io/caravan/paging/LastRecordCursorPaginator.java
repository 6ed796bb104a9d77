package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import java.util.Optional;

/**
 * Cursor taken from the last record of the page: Stripe's {@code starting_after} = last id, a keyset on
 * a sort key, or a search's {@code sort} array ({@code search_after}), placed with its JSON type. An empty
 * page has no last record, so it ends the run.
 *
 * <p>Two kinds of keyset start a page <em>at</em> the key they are given rather than after it. For
 * those, either the key goes out as its {@link KeySuccessor successor}, or the cursor is
 * <em>inclusive</em>: the page's first record, the boundary already read, is dropped, and a page with
 * nothing after its boundary ends the run.
 */
public final class LastRecordCursorPaginator implements Paginator {

    private final ValuePlacement placement;
    private final JsonPaths cursorField;
    private final boolean inclusive;
    private final KeySuccessor successor;

    public LastRecordCursorPaginator(ValuePlacement placement, String cursorField, boolean inclusive,
            KeySuccessor successor) {
        this.placement = placement;
        this.cursorField = JsonPaths.compile(cursorField);
        this.inclusive = inclusive;
        this.successor = successor;
    }

    @Override
    public boolean dropsFirst(PageRequest request, JsonNode first) {
        return inclusive && request.token() != null && text(cursorField.read(first)).equals(request.token());
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        JsonNode last = page.lastRecord();
        if (last == null) {
            return Optional.empty();
        }
        JsonNode cursor = cursorField.read(last);
        if (cursor.isMissingNode() || cursor.isNull()) {
            throw new IllegalArgumentException("cursor field " + cursorField + " has no value in the last record");
        }
        return Optional.of(placement.apply(base, successor.after(cursor)));
    }

    @Override
    public String endReason(Page page) {
        if (inclusive && page.request().token() != null) {
            return "nothing after the boundary key " + page.request().token();
        }
        return "an empty page (no last record to take the cursor from)";
    }

    /** A key as the token it becomes: its text, or its JSON text for an array or object. */
    private static String text(JsonNode key) {
        return key.isValueNode() ? key.asText() : key.toString();
    }
}
