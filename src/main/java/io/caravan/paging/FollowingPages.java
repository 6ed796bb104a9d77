package io.caravan.paging;

import io.caravan.request.PageRequest;

/**
 * How the requests after the first differ from it, besides the paging value: another endpoint and
 * method (Dropbox {@code list_folder} → {@code list_folder/continue}), and a fresh body instead of
 * the first request's.
 *
 * @param url         absolute endpoint of the following pages; blank: the same
 * @param method      their HTTP method; blank: the same
 * @param replaceBody start their body afresh (the paging value is then its only field)
 */
public record FollowingPages(String url, String method, boolean replaceBody) {

    /** The request to build the page after {@code sent} on. */
    public PageRequest base(PageRequest sent) {
        PageRequest base = sent.nextPage();
        if (url != null && !url.isBlank()) {
            base = base.to(method == null || method.isBlank() ? sent.method() : method.toUpperCase(), url);
        } else if (method != null && !method.isBlank()) {
            base = base.to(method.toUpperCase(), sent.url());
        }
        return replaceBody ? base.withBody(null) : base;
    }
}
