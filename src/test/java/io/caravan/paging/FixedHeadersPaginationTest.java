package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sandbox.TestSandbox;
import io.caravan.state.Checkpoint;
import io.caravan.support.CapturedLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GitHub Enterprise, which answers only requests with its media type, an API version and a token, all
 * given as fixed {@code headers}: the token header is a secret (only to the first URL's origin, never in
 * a checkpoint or a log), the others override Caravan's {@code Accept: application/json}.
 */
class FixedHeadersPaginationTest extends PaginationContractTest {

    private static final String HEADERS = """
            Accept: application/vnd.github.v3+json
            X-GitHub-Api-Version: 2022-11-28
            Authorization: token sandbox-ghe-token
            """;

    FixedHeadersPaginationTest() {
        super("/ghe/api/v3/repos/caravan/demo/issues", 100);
    }

    @Override
    Map<String, String> parameters() {
        return Map.of("headers", HEADERS, "pagination", "linkHeader", "pageSizeParam", "per_page", "pageSize", "100");
    }

    @Test
    void withoutTheHeadersTheApiAnswers404AndEachOneIsNeeded() throws Exception {
        for (String headers : new String[] {"", HEADERS.replace("Accept: application/vnd.github.v3+json\n", ""),
                HEADERS.replace("X-GitHub-Api-Version: 2022-11-28\n", "")}) {
            String source = addSource(250, "", Map.of("headers", headers));
            assertThatThrownBy(() -> fixture.caravan.run(source)).cause()
                    .hasMessageContaining("failed at page 1").hasMessageMatching("(?s).*HTTP (404|415|400).*");
        }
    }

    @Test
    void theTokenHeaderIsASecretThatNeverReachesAnotherOriginTheStateOrTheLog() throws Exception {
        try (TestSandbox other = TestSandbox.start(0); CapturedLog log = new CapturedLog()) {
            String source = addSource(250, "&next_origin=" + other.url(), Map.of("allowedOrigins", other.url()));

            assertThatThrownBy(() -> fixture.caravan.run(source)).cause()
                    .hasMessageContaining("failed at page 2").hasMessageContaining("HTTP 404")
                    .hasMessageNotContaining("sandbox-ghe-token");
            // The page on the other origin went without the token (it answered 404 for that reason).
            assertThat(other.requestCount()).isEqualTo(1);
            assertThat(other.authorizedRequests()).isZero();
            Checkpoint failed = fixture.caravan.checkpoints().load(source).orElseThrow();
            assertThat(failed.next().headers()).doesNotContainKey("Authorization");
            assertThat(failed.next().toString()).doesNotContain("sandbox-ghe-token");
            assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains("sandbox-ghe-token"));
        }
    }

    @Test
    void aHeaderLineThatIsNotNameColonValueIsRefusedNamingTheLineAndNoValue() {
        assertThatThrownBy(() -> addSource(10, "", Map.of("headers", "Accept: application/json\nAuthorization token s3cr3t")))
                .hasStackTraceContaining("headers: line 2 is not 'Name: value' (one header per line)")
                .satisfies(e -> assertThat(e).hasStackTraceContaining("headers").isNotNull())
                .hasMessageNotContaining("s3cr3t");
    }
}
