package io.caravan.paging;

import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import java.util.Optional;

/**
 * Cursor or token read from the body by JSONPath ({@code next_cursor},
 * {@code response_metadata.next_cursor}, {@code paging.next.after}, {@code nextPageToken},
 * DynamoDB's {@code LastEvaluatedKey} object …), placed with its JSON type; a missing, null or empty
 * token ends the run. An empty page with a token continues.
 */
public final class BodyCursorPaginator implements Paginator {

    private final JsonPaths cursorPath;
    private final ValuePlacement placement;

    public BodyCursorPaginator(String cursorPath, ValuePlacement placement) {
        this.cursorPath = JsonPaths.compile(cursorPath);
        this.placement = placement;
    }

    @Override
    public boolean followsTheApi() {
        return true;
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        return Tokens.value(cursorPath.read(page.body())).map(token -> placement.apply(base, token));
    }

    @Override
    public String endReason(Page page) {
        return "no cursor at " + cursorPath;
    }
}
