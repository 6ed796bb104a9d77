package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.SandboxServer;
import io.caravan.support.CaravanHarness;
import io.caravan.support.SandboxContract;
import io.caravan.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Collect mode: the route returns every record to its caller as one flat list, within a cap. */
class CollectModeTest {

    private static SandboxServer sandbox;
    private static HikariDataSource dataSource;
    private static CaravanHarness caravan;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(0);
        dataSource = TestDatabase.dataSource();
        caravan = new CaravanHarness(dataSource);
    }

    @AfterAll
    static void stop() {
        caravan.close();
        dataSource.close();
        sandbox.close();
    }

    @Test
    void returnsEveryRecordOnceInOrderAsOneList() throws Exception {
        Map<String, String> params = SandboxContract.GITHUB.parameters(sandbox.url(), 250, "&overlap=2");
        params.put("mode", "collect");
        caravan.addSource("collected", params);

        List<?> records = caravan.context().createProducerTemplate().requestBody("direct:collected", null, List.class);

        assertThat(records).hasSize(250);
        assertThat(records.stream().map(r -> ((Map<?, ?>) r).get("id")).map(id -> ((Number) id).longValue()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
        assertThat(((Map<?, ?>) records.get(6)).get("title")).isInstanceOf(String.class);
        assertThat(caravan.lastSummary("collected").duplicatesDropped()).isEqualTo(4);
    }

    @Test
    void moreRecordsThanTheCapFailClearly() throws Exception {
        Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), 1_000, "");
        params.put("mode", "collect");
        params.put("collectMaxRecords", "300");
        caravan.addSource("too_many", params);

        assertThatThrownBy(() -> caravan.context().createProducerTemplate().requestBody("direct:too_many", (Object) null))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("source 'too_many' failed at page 4")
                .hasMessageContaining("collect mode returns at most 300 records and this source has more");
    }
}
