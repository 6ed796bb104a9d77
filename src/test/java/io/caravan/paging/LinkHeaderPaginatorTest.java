package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.caravan.request.PageRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkHeaderPaginatorTest {

    @Test
    void findsNextAmongOtherRelations() {
        String header = "<https://api.test/x?page=1>; rel=\"prev\", <https://api.test/x?page=3>; rel=\"next\","
                + " <https://api.test/x?page=9>; rel=\"last\"";

        assertThat(LinkHeaderPaginator.nextLink(header)).contains("https://api.test/x?page=3");
    }

    @Test
    void acceptsUnquotedAndMultipleRelations() {
        assertThat(LinkHeaderPaginator.nextLink("</x?page=2>; rel=next")).contains("/x?page=2");
        assertThat(LinkHeaderPaginator.nextLink("</x?page=2>; title=\"a, b\"; rel=\"next last\"")).contains("/x?page=2");
    }

    @Test
    void noNextRelationMeansLastPage() {
        assertThat(LinkHeaderPaginator.nextLink("</x?page=1>; rel=\"first\", </x?page=1>; rel=\"prev\"")).isEmpty();
    }

    @Test
    void relativeLinkIsResolvedAgainstTheRequest() {
        PageRequest request = PageRequest.get("http://127.0.0.1:9/api/items?per_page=5");
        Map<String, Object> headers = Map.of("Link", "<items?per_page=5&page=2>; rel=\"next\"");
        Page page = new Page(request, Map.copyOf(headers), JsonNodeFactory.instance.arrayNode(),
                List.of(JsonNodeFactory.instance.objectNode()));

        assertThat(new LinkHeaderPaginator("Link").next(page, request.nextPage()))
                .map(PageRequest::url)
                .contains("http://127.0.0.1:9/api/items?per_page=5&page=2");
    }
}
