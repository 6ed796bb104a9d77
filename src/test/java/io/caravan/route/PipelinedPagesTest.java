package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.state.Checkpoint;
import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pipelined pages ({@code prefetch}): a page's next request reaches the API while the page is
 * landed, one page ahead at most, and a page fetched ahead lands only once it is read, so a failure
 * or a resume neither loses nor doubles it.
 */
class PipelinedPagesTest {

    /** 10 pages of 100 records; one page per batch. */
    private static final int RECORDS = 1_000;

    private CaravanFixture fixture;
    /** The requests the API had received when each batch reached the sink, in order. */
    private final List<Long> requestsAtLanding = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger failAtBatch = new AtomicInteger();
    /** How long the sink waits for the next request before it lands a batch. */
    private volatile Duration patience = Duration.ofSeconds(2);

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("pipelined");
        fixture.caravan.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:watching-sink").process(exchange -> {
                    int batch = requestsAtLanding.size() + 1;
                    awaitRequests(Math.min(batch + 1, RECORDS / 100));
                    requestsAtLanding.add(fixture.sandbox.requestCount());
                    if (batch == failAtBatch.get()) {
                        throw new IllegalStateException("sink unavailable");
                    }
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
                    delivered.addAll(rows);
                });
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void theNextRequestReachesTheApiWhileThePageBeforeItLandsOnePageAheadAtMost() throws Exception {
        RunSummary summary = fixture.caravan.run(add(Map.of()));

        // Batch k lands while request k + 1 is at the API, never k + 2; the last has nothing after it.
        assertThat(requestsAtLanding).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 10L);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(10);
        assertThat(summary.recordsLoaded()).isEqualTo(RECORDS);
        assertThat(deliveredData().checksum()).isEqualTo(fixture.dataSet(RECORDS).checksum());
    }

    @Test
    void withPrefetchOffEachRequestWaitsForThePageBeforeItToLand() throws Exception {
        patience = Duration.ofMillis(300);
        fixture.caravan.run(add(Map.of("prefetch", "false")));

        assertThat(requestsAtLanding).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(deliveredData().checksum()).isEqualTo(fixture.dataSet(RECORDS).checksum());
    }

    @Test
    void aPageFetchedAheadOfAFailedBatchIsNotCheckpointedAndTheResumeFetchesItAgain() throws Exception {
        failAtBatch.set(3);
        String source = add(Map.of());

        assertThatThrownBy(() -> fixture.caravan.run(source))
                .satisfies(e -> assertThat(ObjectHelper.getException(SourceFailedException.class, e))
                        .hasMessageStartingWith("source 'stripe' failed at page 3")
                        .hasMessageEndingWith("while landing a batch: IllegalStateException: sink unavailable"));
        // Page 4 was fetched ahead while page 3 failed to land; the checkpoint stays at page 3.
        assertThat(fixture.sandbox.requestCount()).isEqualTo(4);
        Checkpoint failed = fixture.caravan.checkpoints().load(source).orElseThrow();
        assertThat(failed.records()).isEqualTo(200);
        assertThat(failed.next().pageIndex()).isEqualTo(2);

        failAtBatch.set(0);
        RunSummary resumed = fixture.caravan.run(source);

        assertThat(resumed.recordsLoaded()).isEqualTo(800);
        assertThat(fixture.sandbox.requestCount()).isEqualTo(4 + 8);
        assertThat(delivered).hasSize(RECORDS);
        assertThat(deliveredData().checksum()).isEqualTo(fixture.dataSet(RECORDS).checksum());
    }

    private String add(Map<String, String> extra) throws Exception {
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), RECORDS, "");
        params.put("sink", "direct:watching-sink");
        params.put("batchSize", "100");
        params.putAll(extra);
        fixture.caravan.addSource("stripe", params);
        return "stripe";
    }

    /** Waits (a bounded while) for the API to have received {@code requests}; without a page ahead it never does. */
    private void awaitRequests(long requests) {
        try {
            await().atMost(patience).until(() -> fixture.sandbox.requestCount() >= requests);
        } catch (ConditionTimeoutException e) {
            // The count at landing tells the test what happened.
        }
    }

    private LandedData deliveredData() {
        Map<Long, String> content = new TreeMap<>();
        delivered.forEach(row -> content.put(Long.parseLong((String) row.get("record_key")),
                LandedData.canonical((String) row.get("payload"))));
        return new LandedData(delivered.size(), content);
    }
}
