package io.caravan.paging;

import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import io.caravan.request.UriResolver;
import java.util.Optional;

/**
 * Next URL taken from the body ({@code @odata.nextLink}, {@code _links.next.href}, {@code links.next},
 * {@code next}), absolute or relative to the request; the link is followed as given, so its query is
 * not doubled. A missing, null or empty link ends the run.
 */
public final class NextUrlPaginator implements Paginator {

    private final JsonPaths urlPath;

    public NextUrlPaginator(String urlPath) {
        this.urlPath = JsonPaths.compile(urlPath);
    }

    @Override
    public boolean followsTheApi() {
        return true;
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        return Tokens.text(urlPath.read(page.body()))
                .map(link -> page.request().followingAt(UriResolver.resolve(page.request().uri().toString(), link)));
    }

    @Override
    public String endReason(Page page) {
        return "no next URL at " + urlPath;
    }
}
