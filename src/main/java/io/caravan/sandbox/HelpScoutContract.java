package io.caravan.sandbox;

/**
 * Help Scout style: 1-based {@code page}, HAL body with the records under
 * {@code _embedded.conversations}, {@code _links.next.href} and the totals under {@code page}.
 */
final class HelpScoutContract extends Contract {

    HelpScoutContract() {
        super("/helpscout/v2/conversations", "page_size", 50);
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        int number = Math.max(1, intParam(request.params(), "page", 1));
        int totalPages = (data.size() + knobs.pageSize() - 1) / knobs.pageSize();
        PageSlice slice = PageSlice.of(data, (number - 1) * knobs.pageSize(), knobs);
        String links = "{\"self\":{\"href\":" + quoted(Links.withParam(request.url(), "page", number)) + "}"
                + (slice.hasMore() ? ",\"next\":{\"href\":" + quoted(Links.withParam(request.url(), "page", slice.nextPageNumber(number))) + "}" : "")
                + "}";
        return page("{\"_embedded\":{\"conversations\":", slice, "},\"_links\":" + links + ",\"page\":{\"size\":"
                + knobs.pageSize() + ",\"totalElements\":" + data.size() + ",\"totalPages\":" + totalPages
                + ",\"number\":" + number + "}}");
    }
}
