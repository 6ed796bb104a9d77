package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import java.util.Optional;

/**
 * Page number pagination ({@code ?page=1,2,3…}): stops on an empty page, and after the last page
 * when the body gives the total number of pages.
 */
public final class PageNumberPaginator implements Paginator {

    private final String param;
    private final int firstPage;
    private final JsonPaths totalPages;

    /**
     * @param param          the page-number query parameter
     * @param firstPage      the number of the first page (0 or 1)
     * @param totalPagesPath JSONPath to the total number of pages, or blank when the API gives none
     */
    public PageNumberPaginator(String param, int firstPage, String totalPagesPath) {
        this.param = param;
        this.firstPage = firstPage;
        this.totalPages = totalPagesPath == null || totalPagesPath.isBlank() ? null : JsonPaths.compile(totalPagesPath);
    }

    @Override
    public PageRequest first(PageRequest configured) {
        return configured.withQueryParam(param, Integer.toString(firstPage));
    }

    @Override
    public Optional<PageRequest> next(Page page) {
        if (page.records().isEmpty()) {
            return Optional.empty();
        }
        int pagesSeen = page.request().pageIndex() + 1;
        if (totalPages != null) {
            JsonNode total = totalPages.read(page.body());
            if (total.canConvertToInt() && pagesSeen >= total.asInt()) {
                return Optional.empty();
            }
        }
        return Optional.of(page.request().following(param, Integer.toString(firstPage + pagesSeen)));
    }
}
