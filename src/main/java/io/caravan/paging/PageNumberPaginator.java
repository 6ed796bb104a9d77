package io.caravan.paging;

import io.caravan.request.PageRequest;
import java.util.Optional;

/** Page number pagination ({@code page=1,2,3…}, 0- or 1-based); it never ends by itself. */
public final class PageNumberPaginator implements AddressedPaginator {

    private final ValuePlacement placement;
    private final int firstPage;

    public PageNumberPaginator(ValuePlacement placement, int firstPage) {
        this.placement = placement;
        this.firstPage = firstPage;
    }

    @Override
    public PageRequest first(PageRequest configured) {
        return placement.apply(configured, firstPage);
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        return Optional.of(placement.apply(base, Long.parseLong(page.request().token()) + 1));
    }

    @Override
    public PageRequest page(PageRequest following, int index) {
        return placement.apply(following.atPage(index), (long) firstPage + index);
    }
}
