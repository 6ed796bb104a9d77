package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.SourceFailedException;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Collect mode: the route returns every record to its caller as one flat list, within a cap. */
class CollectModeTest {

    private static CaravanFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = CaravanFixture.start("collect");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void returnsEveryRecordOnceInOrderAsOneList() throws Exception {
        Map<String, String> params = SandboxContract.GITHUB.parameters(fixture.sandbox.url(), 250, "&overlap=2");
        params.put("mode", "collect");
        fixture.caravan.addSource("collected", params);

        List<?> records = fixture.caravan.context().createProducerTemplate().requestBody("direct:collected", null, List.class);

        assertThat(records).hasSize(250);
        assertThat(records.stream().map(r -> ((Map<?, ?>) r).get("id")).map(id -> ((Number) id).longValue()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
        assertThat(((Map<?, ?>) records.get(6)).get("title")).isInstanceOf(String.class);
        assertThat(fixture.caravan.lastSummary("collected").shiftedRecords()).isEqualTo(4);
    }

    @Test
    void moreRecordsThanTheCapFailClearly() throws Exception {
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 1_000, "");
        params.put("mode", "collect");
        params.put("collectMaxRecords", "300");
        fixture.caravan.addSource("too_many", params);

        assertThatThrownBy(() -> fixture.caravan.context().createProducerTemplate().requestBody("direct:too_many", (Object) null))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("source 'too_many' failed at page 4")
                .hasMessageContaining("collect mode returns at most 300 records and this source has more");
    }
}
