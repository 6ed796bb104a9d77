package io.caravan.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.SandboxSettings;
import io.caravan.support.CapturedLog;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The waits an API asks for: Retry-After in both forms, a declared 403, a wait over the cap, a spent budget. */
class RateLimitSignalsTest {

    private CaravanFixture fixture;

    private CapturedLog log;

    @BeforeEach
    void captureProgress() {
        log = new CapturedLog();
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        fixture.close();
    }

    @Test
    void retryAfterAsSecondsAndAsAnHttpDateIsWaitedOutBeforeTheRetry() throws Exception {
        fixture = CaravanFixture.start("limits");
        Map<String, String> params = stripe(2_000, "&rate_limit_rate=0.15");

        RunSummary summary = fixture.caravan.run(add(params));

        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(2_000).checksum());
        long limited = fixture.sandbox.responseCount(429);
        assertThat(limited).isGreaterThanOrEqualTo(2);
        assertThat(summary.retries()).isEqualTo(limited);
        // Asked for 1 s (or a date 1-2 s ahead): no retry came sooner, where the backoff alone waits 1 ms.
        assertThat(fixture.sandbox.waitsAfterRetryAfter()).hasSize((int) limited)
                .allSatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofMillis(900)));
        // Progress says the run waits on the rate limit, and until when.
        assertThat(log.lines()).filteredOn(line -> line.matches(
                "stripe: rate limited \\(HTTP 429\\); waiting until \\d\\d:\\d\\d:\\d\\d as the API asks")).hasSize((int) limited);
    }

    @Test
    void aStatusDeclaredARateLimitIsRetriedAfterItsWait() throws Exception {
        fixture = CaravanFixture.start("limits");
        Map<String, String> params = stripe(1_000, "&rate_limit_rate=0.2&rate_limit_status=403");
        params.put("rateLimitStatuses", "429,403");

        fixture.caravan.run(add(params));

        assertThat(fixture.sandbox.responseCount(403)).isPositive();
        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(1_000).checksum());
    }

    @Test
    void aWaitLongerThanTheCapFailsTheRunSayingSo() throws Exception {
        fixture = CaravanFixture.start("limits");
        Map<String, String> params = stripe(1_000, "&rate_limit_rate=1&retry_after_s=3600");
        params.put("maxWaitSeconds", "60");
        add(params);

        assertThatThrownBy(() -> fixture.caravan.run("stripe"))
                .satisfies(e -> assertThat(ObjectHelper.getException(SourceFailedException.class, e))
                        .hasMessageStartingWith("source 'stripe' failed at page 1 (GET ")
                        .hasMessageEndingWith("): HTTP 429 {\"error\":\"rate limited\"}; the API asks to wait 3600 s,"
                                + " more than maxWaitSeconds (60)"));
        assertThat(fixture.sandbox.requestCount()).isEqualTo(1);
    }

    @Test
    void aSpentBudgetIsWaitedOutBeforeTheNextRequestSoNo429Comes() throws Exception {
        fixture = CaravanFixture.start("limits", SandboxSettings.defaults().withRateLimit(4, Duration.ofSeconds(1)));
        Map<String, String> params = stripe(1_200, "");

        RunSummary summary = fixture.caravan.run(add(params));

        assertThat(fixture.sandbox.responseCount(429)).isZero();
        assertThat(summary.retries()).isZero();
        assertThat(fixture.landed("stripe").checksum()).isEqualTo(fixture.dataSet(1_200).checksum());
        assertThat(fixture.sandbox.maxRequestsWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(8);
        assertThat(log.lines()).anyMatch(line -> line.matches(
                "stripe: rate limit budget spent \\(X-RateLimit-Remaining\\); waiting until \\d\\d:\\d\\d:\\d\\d"));
    }

    private Map<String, String> stripe(int records, String extraQuery) {
        Map<String, String> params = SandboxContract.STRIPE.parameters(fixture.sandbox.url(), records, extraQuery);
        params.put("table", fixture.table);
        params.put("retryDelayMs", "1");
        return params;
    }

    private String add(Map<String, String> params) throws Exception {
        fixture.caravan.addSource("stripe", params);
        return "stripe";
    }
}
