package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.support.CapturedLog;
import io.caravan.support.CaravanFixture;
import io.caravan.support.SandboxContract;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint knows the settings it was made with: a corrected URL starts a new pass (or resumes, or
 * fails, as configured) instead of sending the stored request again; a resumed run always says so.
 */
class ConfigChangeTest {

    private static CaravanFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = CaravanFixture.start("config");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aCorrectedUrlAfterAFailedRunStartsANewPassAndSaysWhy() throws Exception {
        fixture.caravan.addSource("corrected", params("/stripe/v1/customerz", Map.of()));
        assertThatThrownBy(() -> fixture.caravan.run("corrected")).hasStackTraceContaining("HTTP 404");
        fixture.caravan.replaceSource("corrected", params("/stripe/v1/customers", Map.of()));

        try (CapturedLog log = new CapturedLog()) {
            RunSummary summary = fixture.caravan.run("corrected");

            assertThat(summary.completed()).isTrue();
            assertThat(log.lines()).contains("corrected: the settings that shape its requests (url, paging, page size,"
                    + " slices) changed since its checkpoint; starting a new pass (onConfigChange=restart)");
        }
        assertThat(fixture.landed("corrected").checksum()).isEqualTo(fixture.dataSet(500).checksum());
    }

    @Test
    void onConfigChangeFailRefusesToRunAChangedSource() throws Exception {
        fixture.caravan.addSource("strict", params("/stripe/v1/customerz", Map.of("onConfigChange", "fail")));
        assertThatThrownBy(() -> fixture.caravan.run("strict")).hasStackTraceContaining("HTTP 404");
        fixture.caravan.replaceSource("strict", params("/stripe/v1/customers", Map.of("onConfigChange", "fail")));

        assertThatThrownBy(() -> fixture.caravan.run("strict")).hasStackTraceContaining("source 'strict' failed before"
                + " its first page: IllegalStateException: strict: the settings that shape its requests (url, paging,"
                + " page size, slices) changed since its checkpoint; reset its state");
        assertThat(fixture.landed("strict").rows()).isZero();
    }

    @Test
    void aResumedRunAlwaysSaysWhereItResumes() throws Exception {
        fixture.caravan.addSource("resumed", params("/stripe/v1/customers", Map.of("maxRetries", "0")));
        fixture.sandbox.failFrom(fixture.sandbox.requestCount() + 1, 503);
        assertThatThrownBy(() -> fixture.caravan.run("resumed")).hasStackTraceContaining("HTTP 503");
        fixture.sandbox.recover();

        try (CapturedLog log = new CapturedLog()) {
            assertThat(fixture.caravan.run("resumed").completed()).isTrue();
            assertThat(log.lines()).contains("resumed: resuming at page 1 (0 records landed in this pass)");
        }
        assertThat(fixture.landed("resumed").checksum()).isEqualTo(fixture.dataSet(500).checksum());
    }

    private static Map<String, String> params(String path, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(SandboxContract.STRIPE.parameters(fixture.sandbox.url(), 500, ""));
        params.put("url", fixture.sandbox.url() + path + "?records=500");
        params.put("table", fixture.table);
        params.putAll(extra);
        return params;
    }
}
