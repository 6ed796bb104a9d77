package io.caravan.paging;

import io.caravan.request.PageRequest;
import io.caravan.request.UriResolver;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 8288 {@code Link} header pagination (GitHub, Shopify): follows the link whose relation is
 * {@code next}, absolute or relative to the request; stops when there is none.
 */
public final class LinkHeaderPaginator implements Paginator {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*(?:[^;,\"]|\"[^\"]*\")+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))", Pattern.CASE_INSENSITIVE);

    private final String headerName;

    public LinkHeaderPaginator(String headerName) {
        this.headerName = headerName;
    }

    @Override
    public boolean followsTheApi() {
        return true;
    }

    @Override
    public Optional<PageRequest> next(Page page, PageRequest base) {
        String header = page.header(headerName);
        if (header == null) {
            return Optional.empty();
        }
        return nextLink(header).map(link -> page.request().followingAt(UriResolver.resolve(page.request().uri().toString(), link)));
    }

    /** The target of the {@code rel="next"} link in a Link header value, if any. */
    static Optional<String> nextLink(String header) {
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = REL.matcher(link.group(2));
            while (rel.find()) {
                String relations = rel.group(1) != null ? rel.group(1) : rel.group(2);
                for (String relation : relations.trim().split("\\s+")) {
                    if (relation.equalsIgnoreCase("next")) {
                        return Optional.of(link.group(1).trim());
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String endReason(Page page) {
        return "no rel=\"next\" link in header " + headerName;
    }
}
