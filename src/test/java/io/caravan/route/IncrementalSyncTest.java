package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.sandbox.DataSet;
import io.caravan.state.Checkpoint;
import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental passes: the high-water mark is the newest {@code updated_at} landed, it moves only
 * when the whole pass has landed, and the next pass requests from it minus the lookback window, so
 * it fetches only what changed (and the window), and the table still equals the data set.
 */
class IncrementalSyncTest {

    private static final int RECORDS = 2_000;
    private static final Duration LOOKBACK = Duration.ofHours(1);

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("incremental");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void theSecondPassFetchesOnlyChangedAndNewRecordsPlusTheLookbackAndTheTableEqualsTheDataSet() throws Exception {
        Map<String, String> params = source("");
        params.put("timeFormat", "epochSeconds");
        fixture.caravan.addSource("changes", params);

        RunSummary first = fixture.caravan.run("changes");

        assertThat(first.recordsLoaded()).isEqualTo(RECORDS);
        Instant newest = newest(fixture.sandbox.dataSet(RECORDS, 42));
        assertThat(mark("changes")).isEqualTo(newest.toString());
        assertThat(fixture.sandbox.requestLog()).noneMatch(uri -> uri.contains("since="));

        Instant changedAt = newest.plus(Duration.ofHours(2));
        fixture.sandbox.editRecords(RECORDS, 42, List.of(3L, 777L, 1_500L), changedAt);
        fixture.sandbox.addRecords(RECORDS, 42, 5, changedAt.plusSeconds(60));
        DataSet changed = fixture.sandbox.dataSet(RECORDS, 42);
        Instant bound = newest.minus(LOOKBACK);
        int requestsBefore = fixture.sandbox.requestLog().size();

        // A pass that fails half-way does not move the mark: its data did not all land.
        fixture.sandbox.failFrom(fixture.sandbox.requestCount() + 2, 404);
        assertThatThrownBy(() -> fixture.caravan.run("changes")).hasStackTraceContaining("failed at page 2");
        assertThat(mark("changes")).isEqualTo(newest.toString());
        // Its first page, read whole, landed before the failure: the next run resumes after it.
        long landedBeforeTheFailure = fixture.caravan.lastSummary("changes").recordsLoaded();
        assertThat(landedBeforeTheFailure).isPositive();
        fixture.sandbox.recover();

        RunSummary second = fixture.caravan.run("changes");

        long expected = countUpdatedFrom(changed, bound);
        assertThat(expected).isBetween(60L, 80L);
        assertThat(landedBeforeTheFailure + second.recordsReceived()).isEqualTo(expected);
        assertThat(fixture.sandbox.requestLog().get(requestsBefore)).contains("since=" + bound.getEpochSecond());
        assertThat(fixture.landed("changes").checksum()).isEqualTo(LandedData.of(changed).checksum());
        assertThat(mark("changes")).isEqualTo(changedAt.plusSeconds(60).toString());
    }

    @Test
    void aNewestFirstFeedWithoutAFilterStopsAtRecordsOlderThanTheMark() throws Exception {
        Map<String, String> params = source("&order=desc");
        params.put("incrementalParam", "");
        params.put("newestFirst", "true");
        fixture.caravan.addSource("feed", params);

        assertThat(fixture.caravan.run("feed").pages()).isEqualTo(RECORDS / 50);
        Instant newest = newest(fixture.sandbox.dataSet(RECORDS, 42));
        fixture.sandbox.editRecords(RECORDS, 42, List.of(10L, 20L, 30L), newest.plus(Duration.ofMinutes(5)));
        long requestsBefore = fixture.sandbox.requestCount();

        RunSummary second = fixture.caravan.run("feed");

        // Page 1: the 3 edited records and the 47 newest; page 2 reaches records older than mark - 1 h.
        assertThat(fixture.sandbox.requestCount() - requestsBefore).isEqualTo(2);
        assertThat(second.pages()).isEqualTo(2);
        assertThat(fixture.landed("feed").checksum())
                .isEqualTo(LandedData.of(fixture.sandbox.dataSet(RECORDS, 42)).checksum());
        assertThat(mark("feed")).isEqualTo(newest.plus(Duration.ofMinutes(5)).toString());
    }

    private Map<String, String> source(String extraQuery) {
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters(fixture.sandbox.url(), RECORDS, extraQuery);
        params.put("table", fixture.table);
        params.put("incrementalField", "$.updated_at");
        params.put("lookback", LOOKBACK.toString());
        params.put("maxRetries", "0");
        return params;
    }

    private String mark(String source) throws Exception {
        Checkpoint checkpoint = fixture.caravan.checkpoints().load(source).orElseThrow();
        return checkpoint.highWaterMark();
    }

    private static Instant newest(DataSet data) {
        return Instant.parse(LandedData.field(data.json(data.size() - 1), "updated_at"));
    }

    private static long countUpdatedFrom(DataSet data, Instant bound) {
        return data.view(bound, Instant.parse("9999-01-01T00:00:00Z"), false).size();
    }
}
