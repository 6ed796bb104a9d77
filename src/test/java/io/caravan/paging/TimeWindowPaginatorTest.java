package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.caravan.request.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeWindowPaginatorTest {

    @Test
    void withoutAnEndTheWindowsRunUpToNowAsTheRunGoes() {
        Instant start = Instant.now().minus(Duration.ofMinutes(90));
        TimeWindowPaginator paginator = new TimeWindowPaginator(ValuePlacement.parse("from"), ValuePlacement.parse("to"),
                start, null, Duration.ofHours(1), 0);

        PageRequest first = paginator.first(PageRequest.get("http://127.0.0.1:9/events"));
        Optional<PageRequest> second = paginator.next(empty(first), first.nextPage());

        assertThat(first.query()).containsEntry("from", start.toString())
                .containsEntry("to", start.plus(Duration.ofHours(1)).toString());
        assertThat(second).isPresent();
        assertThat(Instant.parse(second.get().query().get("to"))).isAfter(start.plus(Duration.ofMinutes(89)));
        assertThat(paginator.next(empty(second.get()), second.get().nextPage())).isEmpty();
    }

    private static Page empty(PageRequest request) {
        return new Page(request, Map.of(), JsonNodeFactory.instance.objectNode(), List.of());
    }
}
