package io.caravan.paging;

import io.caravan.request.PageRequest;

/** A style whose pages are addressed directly (page number, offset): any page's request is known in advance. */
public interface AddressedPaginator extends Paginator {

    /**
     * The request of the page at {@code index} (0 for the first).
     *
     * @param following the request of the second page, as following pages are sent
     */
    PageRequest page(PageRequest following, int index);
}
