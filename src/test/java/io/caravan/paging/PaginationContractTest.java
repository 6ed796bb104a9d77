package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.DataSet;
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
 * restartable-reader idea): all records exactly once at the edges of a page, a soft page cap that
 * stops cleanly, a repeated cursor caught before it loops, and an endless API stopped by the hard cap
 * with a clear error. Each subclass names a sandbox contract in that style and its configuration.
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

        LandedData landed = LandedData.inTable(fixture.dataSource, fixture.table, source);
        assertThat(landed.rows()).isEqualTo(records);
        assertThat(landed.checksum()).isEqualTo(LandedData.of(fixture.sandbox.dataSet(records, 42)).checksum());
        assertThat(summary.recordsLoaded()).isEqualTo(records);
    }

    @Test
    void softPageCapStopsTheRunCleanly() throws Exception {
        String source = addSource(2_500, "", Map.of("stopAfterPages", "3"));
        long before = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        assertThat(summary.completed()).isTrue();
        assertThat(summary.pages()).isEqualTo(3);
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(3);
        assertThat(LandedData.inTable(fixture.dataSource, fixture.table, source).rows())
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
    void endlessApiIsStoppedByTheHardCapWithAClearError() throws Exception {
        String source = addSource(2_500, "&endless=true", Map.of("maxPages", "12"));
        long before = fixture.sandbox.requestCount();

        assertThatThrownBy(() -> fixture.caravan.run(source))
                .cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("source '" + source + "' failed at page 12")
                .hasMessageContaining("page cap of 12 pages reached while the API still offers a next page");
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(12);
    }

    /** Adds a source reading {@code records} records of this style's contract, with fixture.sandbox knobs and overrides. */
    String addSource(int records, String knobs, Map<String, String> overrides) throws Exception {
        String source = getClass().getSimpleName().toLowerCase() + "_" + SOURCES.incrementAndGet();
        Map<String, String> params = new LinkedHashMap<>(parameters());
        params.put("url", fixture.sandbox.url() + path + "?records=" + records + knobs);
        params.put("keyPath", "$.id");
        params.put("table", fixture.table);
        params.putAll(overrides);
        fixture.caravan.addSource(source, params);
        return source;
    }
}
