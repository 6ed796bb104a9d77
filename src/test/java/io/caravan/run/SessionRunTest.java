package io.caravan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.caravan.load.Flush;
import io.caravan.load.FlushPolicy;
import io.caravan.paging.Page;
import io.caravan.paging.Totals;
import io.caravan.request.OriginGuard;
import io.caravan.request.PageRequest;
import io.caravan.state.Checkpoint;
import io.caravan.state.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionRunTest {

    private final PageRequest first = PageRequest.get("http://127.0.0.1:9/items");
    private final AtomicLong clock = new AtomicLong();

    @Test
    void refusesANextPageOnAnotherOriginAfterTheCurrentPageLands() {
        SessionRun run = run(FlushPolicy.ofRecords(10), fresh());
        run.pageReceived(page(run.send()), Totals.NONE);
        PageRequest evil = first.followingAt("http://evil.test/items?page=2");

        run.advance(Optional.of(evil), null);

        assertThat(run.hasNext()).isFalse();
        assertThat(run.requests().refusal()).isEqualTo("next page is on another origin (http://evil.test, expected"
                + " http://127.0.0.1:9); refusing to follow it (allowedOrigins lists origins next pages may be on)");
        run.rows().take("p1", List.of());
        run.pageDone(true);
        assertThat(run.takeBatch().checkpoint().next()).isEqualTo(evil);
        assertThat(run.failedRequest()).isEqualTo(evil);
    }

    @Test
    void aFullBatchFlushesInsideThePageAndTheCheckpointStandsInsideIt() {
        SessionRun run = run(FlushPolicy.ofRecords(2), fresh());
        receive(run, "p1", Optional.of(first.withQueryParam("page", "2")), "a", "b", "c");
        run.buffer(run.rows().next());
        assertThat(run.flushDueInPage()).isFalse();
        run.buffer(run.rows().next());
        assertThat(run.flushDueInPage()).isTrue();

        Flush flush = run.takeBatch();

        assertThat(flush.rows()).extracting(r -> r.get("record_key")).containsExactly("a", "b");
        assertThat(flush.pageKeys()).isEmpty();
        assertThat(flush.checkpoint().next()).isEqualTo(first);
        assertThat(flush.checkpoint().pageRecordsDone()).isEqualTo(2);
        assertThat(flush.checkpoint().pageLastKey()).isEqualTo("b");
        assertThat(flush.checkpoint().records()).isEqualTo(2);
    }

    @Test
    void aBatchFullAtThePagesLastRowWaitsForThePageEndWhichLandsThePage() {
        SessionRun run = run(FlushPolicy.ofRecords(2), fresh());
        receive(run, "p1", Optional.of(first.withQueryParam("page", "2")), "a", "b");
        run.buffer(run.rows().next());
        run.buffer(run.rows().next());
        assertThat(run.batchFull()).isTrue();
        assertThat(run.flushDueInPage()).isFalse();
        run.pageDone(true);

        assertThat(run.flushDueAtPageEnd()).isTrue();
        Flush flush = run.takeBatch();
        assertThat(flush.pageKeys()).containsExactly("p1");
        assertThat(flush.checkpoint().next().query()).containsEntry("page", "2");
        assertThat(flush.checkpoint().pageRecordsDone()).isZero();
    }

    @Test
    void thePagesRunningOutFlushTheTailAndCompleteThePass() {
        SessionRun run = run(FlushPolicy.ofRecords(100), fresh());
        receive(run, "p1", Optional.empty(), "a");
        run.buffer(run.rows().next());
        run.pageDone(true);

        assertThat(run.flushDueAtPageEnd()).isTrue();
        Flush flush = run.takeBatch();
        assertThat(flush.pageKeys()).containsExactly("p1");
        assertThat(flush.checkpoint().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(flush.checkpoint().next()).isNull();
        assertThat(flush.checkpoint().pages()).isEqualTo(1);
    }

    @Test
    void aPageEndFlushesOnceTheBatchSpansEnoughPagesOrBytesOrIsOldEnough() {
        PageRequest second = first.withQueryParam("page", "2");
        SessionRun byPages = run(new FlushPolicy(1000, 2, 0, Duration.ZERO), fresh());
        receive(byPages, "p1", Optional.of(second), "a");
        byPages.pageDone(true);
        assertThat(byPages.flushDueAtPageEnd()).isFalse();
        receive(byPages, "p2", Optional.of(second.withQueryParam("page", "3")), "b");
        byPages.pageDone(true);
        assertThat(byPages.flushDueAtPageEnd()).isTrue();

        SessionRun byBytes = run(new FlushPolicy(1000, 0, 20, Duration.ZERO), fresh());
        receive(byBytes, "p1", Optional.of(second), "a", "b", "c");
        byBytes.buffer(Map.of("record_key", "a", "payload", "{\"id\":\"a\"}"));
        assertThat(byBytes.flushDueInPage()).isFalse();
        byBytes.buffer(Map.of("record_key", "b", "payload", "{\"id\":\"b\",\"x\":1}"));
        assertThat(byBytes.flushDueInPage()).isTrue();

        SessionRun byAge = run(new FlushPolicy(1000, 0, 0, Duration.ofSeconds(30)), fresh());
        receive(byAge, "p1", Optional.of(second), "a");
        byAge.buffer(byAge.rows().next());
        byAge.pageDone(true);
        clock.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(byAge.flushDueAtPageEnd()).isFalse();
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(byAge.flushDueAtPageEnd()).isTrue();
    }

    @Test
    void aResumedPageSkipsTheRecordsThatLandedFoundByTheLastKeyEvenWhenTheyShifted() {
        Checkpoint inside = new Checkpoint("s", RunStatus.FAILED, first, 2, "b", null, null, 0, 2, null, Instant.now());

        SessionRun same = run(FlushPolicy.ofRecords(10), inside);
        same.send();
        same.rows().take("p1", rows("a", "b", "c", "d"));
        assertThat(keys(same.rows().left())).containsExactly("c", "d");

        SessionRun shifted = run(FlushPolicy.ofRecords(10), inside);
        shifted.send();
        shifted.rows().take("p1", rows("new", "a", "b", "c"));
        assertThat(keys(shifted.rows().left())).containsExactly("c");

        SessionRun gone = run(FlushPolicy.ofRecords(10), inside);
        gone.send();
        gone.rows().take("p1", rows("x", "y"));
        assertThat(keys(gone.rows().left())).containsExactly("x", "y");
        assertThat(gone.summary(null, 0).resumedAtPage()).isEqualTo(1);
    }

    @Test
    void aPageThatLandedEarlierInThePassHandsOnNoRows() {
        SessionRun run = run(FlushPolicy.ofRecords(10), fresh());
        run.rows().landedEarlier(Set.of("p1"));
        run.send();
        run.rows().take("p1", rows("a", "b"));
        assertThat(run.rows().hasLeft()).isFalse();
        run.rows().take("p2", rows("c"));
        assertThat(keys(run.rows().left())).containsExactly("c");
        assertThat(run.summary(null, 0).pagesAlreadyLanded()).isEqualTo(1);
    }

    @Test
    void credentialsAreRenewedOnceForEachRequestTheApiRefuses() {
        SessionRun run = run(FlushPolicy.ofRecords(10), fresh());
        receive(run, "p1", Optional.of(first.withQueryParam("page", "2")), "a");
        assertThat(run.firstRefusal()).isTrue();
        assertThat(run.firstRefusal()).isFalse();
        run.send();
        assertThat(run.firstRefusal()).isTrue();
    }

    private SessionRun run(FlushPolicy policy, Checkpoint from) {
        return new SessionRun(from, null, 100, policy, false, new OriginGuard(from.next(), Set.of()), null, clock::get);
    }

    private Checkpoint fresh() {
        return new Checkpoint("s", RunStatus.RUNNING, first, 0, null, null, null, 0, 0, null, Instant.now());
    }

    private static void receive(SessionRun run, String pageKey, Optional<PageRequest> next, String... keys) {
        run.pageReceived(page(run.send()), Totals.NONE);
        run.advance(next, "no next page");
        run.rows().take(pageKey, rows(keys));
    }

    private static List<Map<String, Object>> rows(String... keys) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(row(key));
        }
        return rows;
    }

    private static Map<String, Object> row(String key) {
        return Map.of("record_key", key, "payload", "{}");
    }

    private static List<Object> keys(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("record_key")).toList();
    }

    private static Page page(PageRequest request) {
        return new Page(request, Map.of(), JsonNodeFactory.instance.objectNode(), List.of());
    }
}
