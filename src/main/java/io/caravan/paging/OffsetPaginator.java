package io.caravan.paging;

import io.caravan.request.PageRequest;
import java.util.Optional;

/**
 * Offset pagination ({@code offset=0,100,200…}, counted in records): the offset advances by a fixed
 * step (the page size asked for), or by the records returned when no step is given or a page came
 * shorter than the step (an API that caps the page size silently would otherwise lose records).
 */
public final class OffsetPaginator implements AddressedPaginator {

    private final ValuePlacement placement;
    private final Integer step;

    /**
     * @param placement where the offset goes
     * @param step      records to advance per page, or {@code null} to advance by the records returned
     */
    public OffsetPaginator(ValuePlacement placement, Integer step) {
        this.placement = placement;
        this.step = step;
    }

    @Override
    public PageRequest first(PageRequest configured) {
        return placement.apply(configured, 0L);
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        int returned = page.records();
        // A page shorter than the step (an API capping the page size) advances by what it returned.
        long advance = step == null || (returned > 0 && returned < step) ? returned : step;
        return Optional.of(placement.apply(base, Long.parseLong(page.request().token()) + advance));
    }

    /** Only with a fixed step: advancing by the records returned, a page's offset is not known in advance. */
    @Override
    public PageRequest page(PageRequest following, int index) {
        if (step == null) {
            throw new IllegalStateException("offset pages are addressed in advance only with offsetStep=pageSize");
        }
        return placement.apply(following.atPage(index), (long) step * index);
    }
}
