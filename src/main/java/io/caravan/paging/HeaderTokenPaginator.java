package io.caravan.paging;

import io.caravan.request.PageRequest;
import java.util.Optional;

/** Token taken from a response header; a missing or empty header ends the run. */
public final class HeaderTokenPaginator implements Paginator {

    private final String headerName;
    private final ValuePlacement placement;

    public HeaderTokenPaginator(String headerName, ValuePlacement placement) {
        this.headerName = headerName;
        this.placement = placement;
    }

    @Override
    public boolean followsTheApi() {
        return true;
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        String token = page.header(headerName);
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(placement.apply(base, token.trim()));
    }

    @Override
    public String endReason(Page page) {
        return "no token in header " + headerName;
    }
}
