package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.request.PageRequest;
import java.util.Optional;

/**
 * One pagination style: from the page just received, the request for the next page, or none when
 * the style has nothing to follow (no token, no link). Whether to stop for other reasons (an empty
 * page, a has-more flag, a total reached) is {@link StopConditions}' job.
 */
public interface Paginator {

    /** The first request of a run, given the configured one (a style may place its first value). */
    default PageRequest first(PageRequest configured) {
        return configured;
    }

    /**
     * Whether the first record of a page is not new to the pass: never, but for a style whose next page
     * starts with the record the last one ended with (an inclusive keyset), which drops it.
     *
     * @param request the request that fetched the page
     * @param first   the first record of the page
     */
    default boolean dropsFirst(PageRequest request, JsonNode first) {
        return false;
    }

    /**
     * The request for the page after {@code page}.
     *
     * @param page the page just received
     * @param base the request to build on: the page's request, counted as the next page, already
     *             moved to the endpoint and body configured for following pages
     */
    Optional<PageRequest> next(Page page, PageRequest base);

    /**
     * Whether the next page is the API's own signal (a token, a link, a continuation it hands out), not
     * one Caravan computes (a page number, an offset, the last record's key): a handed-out next page
     * outweighs a missing has-more flag.
     */
    default boolean followsTheApi() {
        return false;
    }

    /** Why {@link #next} found no next page after {@code page}, in words a user can check against the API. */
    default String endReason(Page page) {
        return "no next page";
    }
}
