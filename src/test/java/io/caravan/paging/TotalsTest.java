package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.request.PageRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pass is checked against the totals the API announced, within the tolerance, and a lower bound is said as one. */
class TotalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPassShortOfTheTotalBeyondTheToleranceIsAShortfall() throws Exception {
        PagingTally tally = tally("{\"total\": 2000}", 1_995, new Totals("$.total", null, null, null, null, 0));
        assertThat(tally.shortfall(new Totals("$.total", null, null, null, null, 0), 0))
                .isEqualTo("the API announced 2,000 records ($.total) but the pass read 1,995: the API stopped offering"
                        + " pages before its total (raise totalTolerance if its data changes during a run)");
        assertThat(tally.shortfall(new Totals("$.total", null, null, null, null, 5), 0)).isNull();
    }

    @Test
    void aLowerBoundIsNoStopButStillChecked() throws Exception {
        Totals totals = new Totals("$.hits.total.value", null, null, null, "$.hits.total.relation", 0);
        PagingTally tally = tally("{\"hits\": {\"total\": {\"value\": 10000, \"relation\": \"gte\"}}}", 10_000, totals);
        assertThat(tally.totalIsLowerBound()).isTrue();
        StopConditions stops = new StopConditions(false, null, totals, 0, 0, 0);
        Page page = page("{\"hits\": {\"total\": {\"value\": 10000, \"relation\": \"gte\"}}}", 0);
        assertThat(stops.reasonToStop(page, tally)).isEmpty();
        PagingTally fewer = tally("{\"hits\": {\"total\": {\"value\": 10000, \"relation\": \"gte\"}}}", 400, totals);
        assertThat(fewer.shortfall(totals, 100)).startsWith("the API announced at least 10,000 records");
    }

    @Test
    void aTotalInAHeaderAndAPageSizeCapAreRead() throws Exception {
        Totals totals = new Totals(null, "X-Total-Count", null, null, null, 0);
        PagingTally tally = new PagingTally();
        tally.add(new Page(PageRequest.get("http://127.0.0.1:1/items"), Map.of("X-Total-Count", "2000"),
                JSON.readTree("[]"), records(100)), totals);
        tally.shortPage(100);
        tally.followedBy(1);
        assertThat(tally.largestShortPage()).as("a last record read again is no cap").isZero();
        tally.shortPage(100);
        tally.followedBy(100);
        assertThat(tally.shortfall(totals, 1000)).isEqualTo("the API announced 2,000 records (header X-Total-Count) but"
                + " the pass read 100: asked for 1,000 per page, the API returned 100: it caps the page size (ask for"
                + " 100, or offsetStep records)");
    }

    private static PagingTally tally(String body, int records, Totals totals) throws Exception {
        PagingTally tally = new PagingTally();
        tally.add(page(body, records), totals);
        return tally;
    }

    private static Page page(String body, int records) throws Exception {
        return new Page(PageRequest.get("http://127.0.0.1:1/items"), Map.of(), JSON.readTree(body), records(records));
    }

    private static List<JsonNode> records(int count) {
        return Collections.nCopies(count, JSON.createObjectNode());
    }
}
