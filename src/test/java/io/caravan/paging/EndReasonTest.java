package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.support.CapturedLog;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every run says why it ended, at INFO and in its summary; a rule's value that is a JSON array is refused, not read as empty. */
class EndReasonTest {

    private static CaravanFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = CaravanFixture.start("ended");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aHasMoreFlagThatTurnsFalse() throws Exception {
        RunSummary summary = run("hasmore", SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 250, ""));
        assertThat(summary.ended()).isEqualTo("$.has_more is false on page 3");
    }

    @Test
    void aMissingHasMoreFlagIsFalseUnlessTheApiHandsOutANextPage() throws Exception {
        Map<String, String> stripe = new HashMap<>(SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 250, ""));
        stripe.put("hasMorePath", "$.more");
        assertThat(run("missing_flag", stripe).ended()).isEqualTo("$.more is missing (read as false) on page 1");

        // A cursor the API hands out says there is more: it wins over the missing flag, and the summary says so.
        Map<String, String> slack = new HashMap<>(Map.of("url", fixture.sandbox.url()
                + "/slack/api/conversations.history?records=250", "pagination", "bodyCursor",
                "cursorPath", "$.response_metadata.next_cursor", "pageSizeParam", "limit", "pageSize", "100",
                "recordsPath", "$.messages", "keyPath", "$.id", "hasMorePath", "$.more"));
        RunSummary summary = run("missing_flag_token", slack);
        assertThat(summary.recordsLoaded()).isEqualTo(250);
        assertThat(summary.ended()).isEqualTo("$.more is missing (read as false) on page 3; $.more was missing on pages"
                + " where the API still handed out a next page; those were followed (check hasMorePath)");
    }

    @Test
    void anEmptyPageOfAPageNumberApi() throws Exception {
        RunSummary summary = run("empty", Map.of("url", fixture.sandbox.url() + "/freshdesk/api/v2/tickets?records=250",
                "pagination", "pageNumber", "pageSizeParam", "per_page", "pageSize", "100", "keyPath", "$.id"));
        assertThat(summary.ended()).isEqualTo("empty page on page 4");
    }

    @Test
    void noNextLinkAndASoftCap() throws Exception {
        Map<String, String> github = SandboxContract.GITHUB.parameters(fixture.sandbox.url(), 250, "");
        assertThat(run("link", github).ended()).isEqualTo("no rel=\"next\" link in header Link on page 3");
        Map<String, String> capped = new HashMap<>(github);
        capped.put("stopAfterPages", "2");
        assertThat(run("capped", capped).ended()).isEqualTo("stopAfterPages 2 reached on page 2");
    }

    @Test
    void aTemplatedRuleWhoseValueIsEmptyIsNamedAndSaidAtInfo() throws Exception {
        Map<String, String> params = new HashMap<>(Map.of("url", fixture.sandbox.url()
                + "/slack/api/conversations.history?records=250", "pagination", "templated",
                "nextRequests", "[{\"query\": {\"cursor\": \"${jsonpath($.response_metadata.next_cursor)}\"}}]",
                "pageSizeParam", "limit", "pageSize", "100", "recordsPath", "$.messages", "keyPath", "$.id"));
        try (CapturedLog log = new CapturedLog()) {
            RunSummary summary = run("rule", params);

            assertThat(summary.ended())
                    .isEqualTo("rule 1's value ${jsonpath($.response_metadata.next_cursor)} is empty on page 3");
            assertThat(log.lines()).anyMatch(line -> line.startsWith("rule completed: 3 pages, 250 records loaded")
                    && line.endsWith("; ended: " + summary.ended()));
        }
    }

    @Test
    void aTemplatedValueThatIsAJsonArrayFailsRatherThanEndTheRun() throws Exception {
        Map<String, String> params = new HashMap<>(Map.of("url", fixture.sandbox.url()
                + "/slack/api/conversations.history?records=250", "pagination", "templated",
                "nextRequests", "[{\"query\": {\"cursor\": \"${jsonpath($.messages[*].id)}\"}}]",
                "pageSizeParam", "limit", "pageSize", "100", "recordsPath", "$.messages", "keyPath", "$.id"));
        params.put("table", fixture.table);
        fixture.caravan.addSource("array", params);

        assertThatThrownBy(() -> fixture.caravan.run("array")).cause().isInstanceOf(SourceFailedException.class)
                .hasMessageContaining("failed at page 1")
                .hasMessageContaining("the value ${jsonpath($.messages[*].id)} is a JSON array, not a single value");
    }

    private static RunSummary run(String source, Map<String, String> parameters) throws Exception {
        Map<String, String> params = new HashMap<>(parameters);
        params.put("table", fixture.table);
        fixture.caravan.addSource(source, params);
        RunSummary summary = fixture.caravan.run(source);
        assertThat(summary.completed()).isTrue();
        assertThat(fixture.landed(source).rows()).isEqualTo(summary.recordsLoaded());
        return summary;
    }
}
