package io.caravan.paging;

import io.caravan.request.PageRequest;
import java.util.Optional;

/**
 * One pagination style: from the page just received, the request for the next page, or none when
 * that page was the last.
 */
public interface Paginator {

    /** The first request of a run, given the configured one (a style may add its own parameter). */
    default PageRequest first(PageRequest configured) {
        return configured;
    }

    /** The request for the page after {@code page}, or empty when there is none. */
    Optional<PageRequest> next(Page page);
}
