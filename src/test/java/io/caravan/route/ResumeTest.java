package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.state.Checkpoint;
import io.caravan.state.FailedPages.FailedPage;
import io.caravan.state.RunStatus;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run that fails resumes at the checkpoint committed with its last batch: what landed is not
 * fetched again (beyond the batch that had not landed), the records of a page cut by a flush are
 * skipped, and the failed page waits in the ledger until it lands.
 */
class ResumeTest {

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("resume");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aFailedRunLandsThePagesItReadWholeAndResumesAtTheFailedPage() throws Exception {
        // 40 pages of 50; batches of 120 records end inside pages 3, 5 and 8; request 9 fails: the pages
        // read whole before it (up to 8) land with their checkpoint before the failure is reported.
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters(fixture.sandbox.url(), 2_000, "");
        params.put("table", fixture.table);
        params.put("batchSize", "120");
        fixture.caravan.addSource("helpscout", params);
        fixture.sandbox.failFrom(9, 404);

        assertThatThrownBy(() -> fixture.caravan.run("helpscout")).cause().isInstanceOf(SourceFailedException.class)
                .hasMessageStartingWith("source 'helpscout' failed at page 9 (GET " + fixture.sandbox.url());

        Checkpoint failed = fixture.caravan.checkpoints().load("helpscout").orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.next().query()).containsEntry("page", "9");
        assertThat(failed.pageRecordsDone()).isZero();
        assertThat(failed.pageLastKey()).isNull();
        assertThat(failed.records()).isEqualTo(400);
        assertThat(failed.pages()).isEqualTo(8);
        assertThat(failed.error()).contains("failed at page 9").contains("HTTP 404");
        assertThat(fixture.landed("helpscout").rows()).isEqualTo(400);
        List<FailedPage> ledger = fixture.caravan.checkpoints().failedPages().of("helpscout");
        assertThat(ledger).singleElement().satisfies(page -> {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.request().query()).containsEntry("page", "9");
        });

        fixture.sandbox.recover();
        RunSummary resumed = fixture.caravan.run("helpscout");

        assertThat(resumed.resumedAtPage()).isEqualTo(9);
        assertThat(resumed.resumeSkipped()).isZero();
        assertThat(resumed.recordsLoaded()).isEqualTo(2_000 - 400);
        assertThat(fixture.landed("helpscout").checksum()).isEqualTo(fixture.dataSet(2_000).checksum());
        // 40 pages and the failed request: no page is fetched twice.
        assertThat(fixture.sandbox.requestCount()).isEqualTo(40 + 1);
        assertThat(fixture.caravan.checkpoints().failedPages().of("helpscout")).isEmpty();
        Checkpoint done = fixture.caravan.checkpoints().load("helpscout").orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.next()).isNull();
        assertThat(done.records()).isEqualTo(2_000);
        assertThat(done.pages()).isEqualTo(40);

        RunSummary nextPass = fixture.caravan.run("helpscout");
        assertThat(nextPass.resumedAtPage()).isZero();
        assertThat(nextPass.pages()).isEqualTo(40);
    }

    @Test
    void aResumeIntoPagesThatOverlapCountsEachRecordOnce() throws Exception {
        // Every page repeats the last 5 records of the one before; the run fails at page 9 after landing 1 to 8.
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters(fixture.sandbox.url(), 2_000, "&overlap=5");
        params.put("table", fixture.table);
        params.put("batchSize", "120");
        fixture.caravan.addSource("overlap", params);
        fixture.sandbox.failFrom(9, 404);
        assertThatThrownBy(() -> fixture.caravan.run("overlap")).cause().isInstanceOf(SourceFailedException.class);
        Checkpoint failed = fixture.caravan.checkpoints().load("overlap").orElseThrow();
        assertThat(failed.records()).isEqualTo(400);
        // The keys of page 8 (its 5 repeats of page 7 first), the last page to land, are kept with the checkpoint.
        assertThat(failed.landedKeys()).hasSize(55).startsWith("346").endsWith("400");

        fixture.sandbox.recover();
        RunSummary resumed = fixture.caravan.run("overlap");

        assertThat(resumed.recordsLoaded()).isEqualTo(1_600);
        Checkpoint done = fixture.caravan.checkpoints().load("overlap").orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(fixture.landed("overlap").rows()).isEqualTo(2_000);
        assertThat(done.records()).isEqualTo(2_000);
        assertThat(fixture.landed("overlap").checksum()).isEqualTo(fixture.dataSet(2_000).checksum());
    }

    @Test
    void aBatchTheSinkRefusesMarksNoPageLandedAndTheNextRunDeliversIt() throws Exception {
        List<List<Map<String, Object>>> delivered = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        fixture.caravan.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:flaky-sink").process(exchange -> {
                    if (batches.incrementAndGet() == 2) {
                        throw new IllegalStateException("sink unavailable");
                    }
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> batch = exchange.getMessage().getBody(List.class);
                    delivered.add(batch);
                });
            }
        });
        // 10 pages of 100 records, 2 pages per batch.
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 1_000, "");
        params.put("sink", "direct:flaky-sink");
        params.put("batchSize", "200");
        fixture.caravan.addSource("stripe", params);

        assertThatThrownBy(() -> fixture.caravan.run("stripe"))
                .satisfies(e -> assertThat(ObjectHelper.getException(SourceFailedException.class, e))
                        .hasMessageStartingWith("source 'stripe' failed at page 4")
                        .hasMessageEndingWith(") while landing a batch: IllegalStateException: sink unavailable"));

        assertThat(landedPages("stripe")).isEqualTo(2);
        assertThat(fixture.caravan.checkpoints().load("stripe").orElseThrow().records()).isEqualTo(200);
        assertThat(fixture.caravan.checkpoints().failedPages().of("stripe")).isEmpty();

        RunSummary retried = fixture.caravan.run("stripe");

        assertThat(retried.recordsLoaded()).isEqualTo(800);
        Set<Object> keys = new HashSet<>();
        delivered.forEach(batch -> batch.forEach(row -> assertThat(keys.add(row.get("record_key"))).isTrue()));
        assertThat(keys).hasSize(1_000);
        assertThat(landedPages("stripe")).isEqualTo(10);
    }

    @Test
    void aBatchWrittenByTheSqlSinkIsRolledBackWhenTheFlushFailsAfterIt() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        fixture.caravan.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // camel-sql commits a batch itself unless it sees the exchange as transacted.
                from("direct:upsert-then-fail")
                        .to("sql:caravan-upsert?dataSource=#caravanDataSource&batch=true")
                        .process(exchange -> {
                            if (batches.incrementAndGet() == 2) {
                                throw new IllegalStateException("failed after the upsert");
                            }
                        });
            }
        });
        // 10 pages of 100 records, 2 pages per batch: the second batch is written, then fails.
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 1_000, "");
        params.put("table", fixture.table);
        params.put("sink", "direct:upsert-then-fail");
        params.put("batchSize", "200");
        fixture.caravan.addSource("stripe", params);

        assertThatThrownBy(() -> fixture.caravan.run("stripe"))
                .satisfies(e -> assertThat(ObjectHelper.getException(SourceFailedException.class, e))
                        .hasMessageEndingWith(") while landing a batch: IllegalStateException: failed after the upsert"));

        assertThat(fixture.landed("stripe").rows()).isEqualTo(200);
        assertThat(landedPages("stripe")).isEqualTo(2);
        assertThat(fixture.caravan.checkpoints().load("stripe").orElseThrow().records()).isEqualTo(200);

        RunSummary retried = fixture.caravan.run("stripe");

        assertThat(retried.recordsLoaded()).isEqualTo(800);
        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(1_000).checksum());
    }

    private long landedPages(String source) throws Exception {
        try (Connection connection = fixture.dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT COUNT(*) FROM caravan_landed_page WHERE processor_name = '" + source + "'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
