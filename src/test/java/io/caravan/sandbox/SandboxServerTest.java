package io.caravan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's contracts and knobs, checked over real HTTP on 127.0.0.1. */
class SandboxServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private TestSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestSandbox.start(0, SandboxSettings.defaults().withRequestsPerSecond(5));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void dataSetIsDeterministicPerSeedAndNeedsJsonEscaping() throws Exception {
        DataSet first = DataSet.generate(42, 50);
        DataSet again = DataSet.generate(42, 50);
        DataSet other = DataSet.generate(43, 50);

        assertThat(again.json(7)).isEqualTo(first.json(7));
        assertThat(other.json(7)).isNotEqualTo(first.json(7));
        String all = new String(first.json(0)) + new String(first.json(1)) + new String(first.json(2));
        assertThat(all).containsAnyOf("\\\"", "\\\\", "\\n", "\\t");
        JsonNode record = mapper.readTree(first.json(7));
        assertThat(record.get("id").asLong()).isEqualTo(8);
        assertThat(record.get("text").asText().length()).isGreaterThan(250);
        assertThat(record.has("updated_at")).isTrue();
    }

    @Test
    void helpScoutPagesCarryTotalsAndStopLinkingAfterTheLastPage() throws Exception {
        JsonNode last = json(get("/helpscout/v2/conversations?records=120&page_size=50&page=3"));

        assertThat(last.at("/page/totalPages").asInt()).isEqualTo(3);
        assertThat(last.at("/page/totalElements").asInt()).isEqualTo(120);
        assertThat(last.at("/_embedded/conversations").size()).isEqualTo(20);
        assertThat(last.at("/_links/next").isMissingNode()).isTrue();
        assertThat(json(get("/helpscout/v2/conversations?records=120&page_size=50&page=2"))
                .at("/_links/next/href").asText()).endsWith("page=3");
    }

    @Test
    void stripeContinuesAfterTheGivenIdAndSaysWhetherMoreRemain() throws Exception {
        JsonNode page = json(get("/stripe/v1/customers?records=25&limit=10&starting_after=20"));

        assertThat(page.get("data").size()).isEqualTo(5);
        assertThat(page.at("/data/0/id").asLong()).isEqualTo(21);
        assertThat(page.get("has_more").asBoolean()).isFalse();
        assertThat(json(get("/stripe/v1/customers?records=25&limit=10")).get("has_more").asBoolean()).isTrue();
    }

    @Test
    void gitHubLinkHeaderHasNextExceptOnTheLastPageAndPageSizeIsCapped() throws Exception {
        HttpResponse<String> first = get("/github/repos/caravan/demo/issues?records=250&per_page=500&page=1");
        HttpResponse<String> last = get("/github/repos/caravan/demo/issues?records=250&per_page=100&page=3");

        assertThat(json(first).size()).isEqualTo(100);
        assertThat(first.headers().firstValue("Link").orElseThrow()).contains("page=2>; rel=\"next\"");
        assertThat(last.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"").contains("rel=\"prev\"");
        assertThat(json(last).size()).isEqualTo(50);
    }

    @Test
    void overlapRepeatsTheEndOfThePreviousPage() throws Exception {
        JsonNode second = json(get("/github/repos/caravan/demo/issues?records=100&per_page=10&page=2&overlap=3"));

        assertThat(second.get(0).get("id").asLong()).isEqualTo(8);
        assertThat(second.size()).isEqualTo(13);
    }

    @Test
    void failRateAnswers500And503() throws Exception {
        int failures = 0;
        for (int i = 0; i < 5; i++) {
            int status = get("/stripe/v1/customers?records=10&fail_rate=1").statusCode();
            assertThat(status).isIn(500, 503);
            failures++;
        }
        assertThat(sandbox.responseCount(500) + sandbox.responseCount(503)).isEqualTo(failures);
    }

    @Test
    void requestsOverTheRateLimitGet429WithRetryAfter() throws Exception {
        HttpResponse<String> response = get("/stripe/v1/customers?records=10");
        for (int sent = 1; sent < 50 && response.statusCode() != 429; sent++) {
            response = get("/stripe/v1/customers?records=10");
        }

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).contains("5");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(Long.parseLong(response.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
                .isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 2);
        assertThat(sandbox.responseCount(200)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aCursorExpiresItsTimeToLiveAfterItWasHandedOut() throws Exception {
        String first = "/slack/api/conversations.history?records=300&limit=100&cursor_ttl_ms=300";
        String cursor = json(get(first)).at("/response_metadata/next_cursor").asText();
        String next = "/slack/api/conversations.history?limit=100&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8);

        assertThat(get(next).statusCode()).isEqualTo(200);
        await().pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> get(next).statusCode() == 400);
        assertThat(get(next).body()).isEqualTo("{\"error\":\"cursor expired\"}");
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.url() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return mapper.readTree(response.body());
    }
}
