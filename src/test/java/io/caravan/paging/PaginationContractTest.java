package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.DataSet;
import io.caravan.state.Checkpoint;
import io.caravan.state.RunStatus;
import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every pagination style must keep, inherited by one test per style (the Spring Batch
 * restartable-reader idea, as in {@code AbstractItemStreamItemReaderTests}): all records exactly once
 * at the edges of a page; a run stopped at any page boundary and run again lands the rest exactly
 * once, sending only the pages that had not landed; a failure inside a batch, then a run, lands
 * exactly; server errors and rate limits mid-run land exactly; a soft page cap stops cleanly; a
 * repeated cursor is caught before it loops; an endless API is stopped by the hard cap with a clear
 * error. Each subclass names a sandbox contract in that style and its configuration.
 */
abstract class PaginationContractTest {

    private static final AtomicInteger SOURCES = new AtomicInteger();

    static CaravanFixture fixture;

    private final String path;
    private final int pageSize;

    /**
     * @param path     the sandbox path of the contract
     * @param pageSize the page size the configuration asks for (and the sandbox serves)
     */
    PaginationContractTest(String path, int pageSize) {
        this.path = path;
        this.pageSize = pageSize;
    }

    final int pageSize() {
        return pageSize;
    }

    /** The template parameters of the style, without url and table. */
    abstract Map<String, String> parameters();

    /** The distinct records in the first {@code pages} pages of {@code data} (whole pages unless a style overlaps). */
    long recordsInFirstPages(int pages, DataSet data) {
        return Math.min((long) pages * pageSize(), data.size());
    }

    /** What the table holds for {@code source}, keyed by record id (a style whose API wraps records unwraps them). */
    LandedData landed(String source) throws Exception {
        return fixture.landed(source);
    }

    /** The JSONPath of a record's key. */
    String keyPath() {
        return "$.id";
    }

    /** Whether the API hands out the cursor (so it can repeat one); false where Caravan computes it. */
    boolean apiHandsOutCursor() {
        return true;
    }

    @BeforeAll
    static void start() throws Exception {
        fixture = CaravanFixture.start("pagination");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @ParameterizedTest(name = "{0} pages of records (-1: one record short of a page)")
    @ValueSource(ints = {0, 1, -1, 100, 101, 2_500})
    void landsEveryRecordExactlyOnce(int size) throws Exception {
        int records = switch (size) {
            case -1 -> pageSize() - 1;
            case 100 -> pageSize();
            case 101 -> pageSize() + 1;
            default -> size;
        };
        String source = addSource(records, "", Map.of());

        RunSummary summary = fixture.caravan.run(source);

        LandedData landed = landed(source);
        assertThat(landed.rows()).isEqualTo(records);
        assertThat(landed.checksum()).isEqualTo(LandedData.of(fixture.sandbox.dataSet(records, 42)).checksum());
        assertThat(summary.recordsLoaded()).isEqualTo(records);
    }

    @Test
    void aRunStoppedAtAnyPageBoundaryResumesAndLandsTheRestExactlyOnce() throws Exception {
        int records = pageSize() * 4 + pageSize() / 2;
        long fullRun = requestsOfAFullRun(records);
        LandedData expected = fixture.dataSet(records);
        for (int landed = 1; landed < fullRun; landed++) {
            // Every page lands as it ends; the request after the landed pages is refused (404 is not retried).
            String source = addSource(records, "", Map.of("flushPages", "1"));
            fixture.sandbox.failFrom(fixture.sandbox.requestCount() + landed + 1, 404);
            assertThatThrownBy(() -> fixture.caravan.run(source)).cause().isInstanceOf(SourceFailedException.class)
                    .hasMessageContaining("failed at page " + (landed + 1));
            fixture.sandbox.recover();
            long before = fixture.sandbox.requestCount();

            RunSummary summary = fixture.caravan.run(source);

            assertThat(summary.completed()).as("run resumed after %d pages", landed).isTrue();
            assertThat(fixture.sandbox.requestCount() - before).as("requests after %d pages landed", landed)
                    .isEqualTo(fullRun - landed);
            assertThat(landed(source).checksum()).as("table after %d pages", landed).isEqualTo(expected.checksum());
            assertThat(landed(source).rows()).isEqualTo(records);
            Checkpoint checkpoint = fixture.caravan.checkpoints().load(source).orElseThrow();
            assertThat(checkpoint.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(checkpoint.next()).isNull();
        }
    }

    @Test
    void aFailureInsideABatchThenARunLandsExactly() throws Exception {
        int records = pageSize() * 4 + pageSize() / 2;
        long fullRun = requestsOfAFullRun(records);
        // Batches of 30 end inside pages, so the checkpoint stands inside a page when page 3 fails.
        String source = addSource(records, "", Map.of("batchSize", "30"));
        fixture.sandbox.failFrom(fixture.sandbox.requestCount() + 3, 404);
        assertThatThrownBy(() -> fixture.caravan.run(source)).cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("failed at page 3");
        assertThat(landed(source).rows()).isPositive();
        fixture.sandbox.recover();
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        assertThat(summary.resumedAtPage()).isBetween(2, 3);
        assertThat(fixture.sandbox.requestCount() - before).isLessThan(fullRun);
        assertThat(landed(source).rows()).isEqualTo(records);
        assertThat(landed(source).checksum()).isEqualTo(fixture.dataSet(records).checksum());
    }

    @Test
    void serverErrorsAndRateLimitsMidRunLandExactly() throws Exception {
        int records = pageSize() * 16;
        String source = addSource(records, "&fail_rate=0.25&rate_limit_rate=0.15&retry_after_s=0",
                Map.of("maxRetries", "12", "retryDelayMs", "1"));
        long errorsBefore = fixture.sandbox.responseCount(500) + fixture.sandbox.responseCount(503);
        long limitedBefore = fixture.sandbox.responseCount(429);

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        long faults = fixture.sandbox.responseCount(500) + fixture.sandbox.responseCount(503) - errorsBefore
                + fixture.sandbox.responseCount(429) - limitedBefore;
        assertThat(faults).isPositive();
        assertThat(summary.retries()).isEqualTo(faults);
        assertThat(landed(source).rows()).isEqualTo(records);
        assertThat(landed(source).checksum()).isEqualTo(fixture.dataSet(records).checksum());
    }

    /** The requests a clean run of {@code records} records makes (its own source, run to the end). */
    private long requestsOfAFullRun(int records) throws Exception {
        String source = addSource(records, "", Map.of());
        long before = fixture.sandbox.requestCount();
        assertThat(fixture.caravan.run(source).completed()).isTrue();
        return fixture.sandbox.requestCount() - before;
    }

    @Test
    void softPageCapStopsTheRunCleanly() throws Exception {
        String source = addSource(2_500, "", Map.of("stopAfterPages", "3"));
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        assertThat(summary.pages()).isEqualTo(3);
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(3);
        assertThat(landed(source).rows())
                .isEqualTo(recordsInFirstPages(3, fixture.sandbox.dataSet(2_500, 42)));
    }

    @Test
    void repeatedCursorFailsBeforeLooping() throws Exception {
        assumeTrue(apiHandsOutCursor(), "Caravan computes this style's paging value; the API cannot repeat it");
        String source = addSource(2_500, "&repeat_cursor=true", Map.of());
        long before = fixture.sandbox.requestCount();

        assertThatThrownBy(() -> fixture.caravan.run(source))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("source '" + source + "' failed at page 2")
                .hasMessageContaining("the API led back to a request already sent");
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(2);
    }

    @Test
    void repeatedCursorEndsTheRunWhenThatIsTheApisEndSignal() throws Exception {
        assumeTrue(apiHandsOutCursor(), "Caravan computes this style's paging value; the API cannot repeat it");
        String source = addSource(2_500, "&repeat_cursor=true", Map.of("onRepeatedRequest", "stop"));
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(2);
    }

    @Test
    void endlessApiIsStoppedByTheHardCapWithAClearErrorAfterItsPagesLand() throws Exception {
        String source = addSource(2_500, "&endless=true", Map.of("maxPages", "12"));
        long before = fixture.sandbox.requestCount();

        assertThatThrownBy(() -> fixture.caravan.run(source))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("source '" + source + "' failed at page 13 (")
                .hasMessageContaining("page cap of 12 pages reached while the API still offers a next page");
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(12);
        // The 12 pages read land; the refused 13th is where the next run goes on (once maxPages is raised).
        assertThat(landed(source).rows()).isEqualTo(recordsInFirstPages(12, fixture.sandbox.dataSet(2_500, 42)));
        Checkpoint failed = fixture.caravan.checkpoints().load(source).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.pages()).isEqualTo(12);
        assertThat(failed.next().pageIndex()).isEqualTo(12);
    }

    /** Adds a source reading {@code records} records of this style's contract, with fixture.sandbox knobs and overrides. */
    String addSource(int records, String knobs, Map<String, String> overrides) throws Exception {
        String source = getClass().getSimpleName().toLowerCase() + "_" + SOURCES.incrementAndGet();
        Map<String, String> params = new LinkedHashMap<>(parameters());
        params.put("url", fixture.sandbox.url() + path + (path.contains("?") ? "&" : "?") + "records=" + records + knobs);
        params.put("keyPath", keyPath());
        params.put("table", fixture.table);
        params.putAll(overrides);
        fixture.caravan.addSource(source, params);
        return source;
    }
}
