package io.caravan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.caravan.paging.Page;
import io.caravan.request.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceRunTest {

    private final PageRequest first = PageRequest.get("http://127.0.0.1:9/items");

    @Test
    void refusesANextPageOnAnotherOrigin() {
        SourceRun run = new SourceRun("s", first, 100, 10, false);
        Page page = page(run.send());

        run.pageReceived(page);
        assertThatThrownBy(() -> run.advance(Optional.of(first.followingAt("http://evil.test/items?page=2"))))
                .hasMessageContaining("next page is on another origin (http://evil.test, expected http://127.0.0.1:9)");
    }

    @Test
    void flushesAFullBatchOrTheTailWhenPagesRunOut() {
        SourceRun run = new SourceRun("s", first, 100, 2, false);
        run.pageReceived(page(run.send()));
        run.advance(Optional.of(first.withQueryParam("page", "2")));
        run.buffer(Map.of("record_key", "1"));
        assertThat(run.flushDue()).isFalse();
        run.buffer(Map.of("record_key", "2"));
        assertThat(run.flushDue()).isTrue();
        assertThat(run.takeBatch()).hasSize(2);

        run.pageReceived(page(run.send()));
        run.advance(Optional.empty());
        run.buffer(Map.of("record_key", "3"));
        assertThat(run.flushDue()).isTrue();
    }

    private static Page page(PageRequest request) {
        return new Page(request, Map.of(), JsonNodeFactory.instance.objectNode(), List.of());
    }
}
