package io.caravan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.paging.ValuePlacement;
import io.caravan.records.JsonPaths;
import io.caravan.request.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How bounds are read, written into requests, and how slices are labelled and split. */
class BoundsTest {

    private static final long AT = Instant.parse("2024-03-05T06:07:08.500Z").toEpochMilli();

    @Test
    void aTimeBoundIsWrittenAsTheApiWantsIt() {
        assertThat(BoundFormat.parse("iso").write(Axis.TIME, AT)).isEqualTo("2024-03-05T06:07:08.500Z");
        assertThat(BoundFormat.parse("epochSeconds").write(Axis.TIME, AT)).isEqualTo("1709618828");
        assertThat(BoundFormat.parse("epochMillis").write(Axis.TIME, AT)).isEqualTo("1709618828500");
        assertThat(BoundFormat.parse("date").write(Axis.TIME, AT)).isEqualTo("2024-03-05");
        assertThat(BoundFormat.parse("date").write(Axis.NUMBER, 42)).isEqualTo("42");
        assertThatThrownBy(() -> BoundFormat.parse("rfc")).hasMessageContaining("use iso, epochSeconds");
    }

    @Test
    void theBoundIsTheMarkMinusTheLookbackPlacedAnywhereAPagingValueGoesOrInThePath() {
        Incremental query = incremental("since", Duration.ofHours(1).toMillis(), Axis.TIME);
        PageRequest first = PageRequest.get("http://api.test/v1/items?limit=10");
        Long bound = query.bound("2024-03-05T06:07:08.500Z");

        assertThat(query.request(first, bound).uri().toString())
                .isEqualTo("http://api.test/v1/items?limit=10&since=2024-03-05T05%3A07%3A08.500Z");
        assertThat(incremental("header:X-Since", 0, Axis.TIME).request(first, AT).headers())
                .containsEntry("X-Since", "2024-03-05T06:07:08.500Z");
        assertThat(incremental("body:filter.after", 0, Axis.NUMBER).request(first, 41L).body())
                .isEqualTo("{\"filter\":{\"after\":\"41\"}}");
        assertThat(incremental("path:since", 0, Axis.TIME).request(PageRequest.get("http://api.test/v1/{since}/items"), AT)
                .uri().toString()).isEqualTo("http://api.test/v1/2024-03-05T06%3A07%3A08.500Z/items");
        assertThat(query.request(first, null)).isEqualTo(first);
        assertThat(query.bound(null)).isNull();
        assertThatThrownBy(() -> ValuePlacement.parsePaging("path:page")).hasMessageContaining("cannot go into the path");
    }

    @Test
    void theMarkIsTheNewestOfThePageAndANewestFirstFeedStopsPastTheBound() throws Exception {
        Incremental incremental = new Incremental(JsonPaths.compile("$.updated_at"), Axis.TIME, null, BoundFormat.ISO, 0,
                null, true);
        ObjectMapper json = new ObjectMapper();
        var records = List.of(json.readTree("{\"updated_at\":\"2024-01-02T00:00:00Z\"}"),
                json.readTree("{\"updated_at\":1704067200}"), json.readTree("{}"));

        Incremental.Span span = Incremental.Span.NONE;
        for (var record : records) {
            span = incremental.widen(span, record);
        }
        assertThat(span.newest()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z").toEpochMilli());
        assertThat(incremental.reachedOlder(span, Instant.parse("2024-01-01T12:00:00Z").toEpochMilli())).isTrue();
        assertThat(incremental.reachedOlder(span, Instant.parse("2024-01-01T00:00:00Z").toEpochMilli())).isFalse();
    }

    @Test
    void aSliceIsLabelledReadBackAndHalvedDownToTheMinimumStep() {
        Slice day = new Slice(Axis.TIME, Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2024-01-02T00:00:00Z").toEpochMilli());

        assertThat(day.label()).isEqualTo("2024-01-01T00:00:00Z..2024-01-02T00:00:00Z");
        assertThat(Slice.parse(Axis.TIME, day.label())).isEqualTo(day);
        assertThat(day.halves(Duration.ofHours(1).toMillis())).extracting(Slice::label)
                .containsExactly("2024-01-01T00:00:00Z..2024-01-01T12:00:00Z", "2024-01-01T12:00:00Z..2024-01-02T00:00:00Z");
        assertThat(day.halves(Duration.ofHours(13).toMillis())).isEmpty();
        assertThat(new Slice(Axis.NUMBER, 1, 2).halves(1)).isEmpty();
        assertThat(Slice.parse(Axis.NUMBER, "100..200").halves(1)).extracting(Slice::label).containsExactly("100..150", "150..200");
    }

    private static Incremental incremental(String placement, long lookback, Axis axis) {
        return new Incremental(JsonPaths.compile("$.updated_at"), axis, ValuePlacement.parse(placement), BoundFormat.ISO,
                lookback, null, false);
    }
}
