package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One run of a source at a time: a trigger during a run is skipped, not queued; a cron schedule runs it again. */
class ScheduledRunsTest {

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("scheduled");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aTriggerWhileARunIsGoingIsSkippedNotQueued() throws Exception {
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 2_000, "&latency_ms=40");
        params.put("table", fixture.table);
        fixture.caravan.addSource("stripe", params);

        CompletableFuture<RunSummary> first = CompletableFuture.supplyAsync(() -> fixture.caravan.run("stripe"));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.sandbox.requestCount() >= 1);
        fixture.caravan.context().createProducerTemplate().sendBody("direct:stripe", null);

        assertThat(first.join().recordsLoaded()).isEqualTo(2_000);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(20);
        assertThat(fixture.sandbox.mostRequestsInFlight()).isEqualTo(1);

        RunSummary next = fixture.caravan.run("stripe");
        assertThat(next.pages()).isEqualTo(20);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(40);
    }

    @Test
    void aCronScheduleRunsTheSourceAgainAndNeverTwiceAtOnce() throws Exception {
        List<RunSummary> finished = new CopyOnWriteArrayList<>();
        fixture.caravan.context().getRegistry().bind("collectRuns", (RunObserver) finished::add);
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 500, "&latency_ms=250");
        params.put("table", fixture.table);
        params.put("trigger", "quartz:caravan/stripe?cron=0/1+*+*+*+*+?&stateful=true");
        fixture.caravan.addSource("stripe", params);

        await().atMost(Duration.ofSeconds(20)).until(() -> finished.size() >= 3);
        fixture.caravan.context().getRouteController().stopRoute("stripe");

        assertThat(fixture.sandbox.mostRequestsInFlight()).isEqualTo(1);
        assertThat(finished.subList(0, 3)).allSatisfy(run -> {
            assertThat(run.failure()).isNull();
            assertThat(run.recordsLoaded()).isEqualTo(500);
        });
        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(500).checksum());
    }
}
