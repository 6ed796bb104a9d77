package io.caravan.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Next links written relative with more {@code ../} than the path has segments (sandbox knob
 * {@code relative_links=climb}), in a Link header and in a body: resolved as RFC 3986 does, every
 * request goes to the API's own path and the data set lands exactly, with a clean checkpoint.
 */
class RelativeLinkPaginationTest {

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("relative");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void climbingLinkHeadersResolveToTheApisPath() throws Exception {
        Map<String, String> params = SandboxContract.GITHUB.parameters(fixture.sandbox.url(), 1_000,
                "&relative_links=climb");
        assertLandsExactly(params, "/github/repos/caravan/demo/issues?");
    }

    @Test
    void climbingLinksInTheBodyResolveToTheApisPath() throws Exception {
        Map<String, String> params = SandboxContract.HELPSCOUT.parameters(fixture.sandbox.url(), 1_000,
                "&relative_links=climb");
        params.put("pagination", "nextUrl");
        params.put("nextUrlPath", "$._links.next.href");
        params.remove("totalPagesPath");
        assertLandsExactly(params, "/helpscout/v2/conversations?");
    }

    private void assertLandsExactly(Map<String, String> params, String path) throws Exception {
        params.put("table", fixture.table);
        fixture.caravan.addSource("relative", params);

        RunSummary summary = fixture.caravan.run("relative");

        assertThat(summary.failure()).isNull();
        assertThat(fixture.landed("relative").checksum()).isEqualTo(fixture.dataSet(1_000).checksum());
        assertThat(fixture.sandbox.requestLog()).hasSizeGreaterThan(1).allSatisfy(request -> assertThat(request)
                .startsWith(path).doesNotContain(".."));
        assertThat(fixture.caravan.checkpoints().load("relative").orElseThrow().status().name()).isEqualTo("COMPLETED");
    }
}
