package io.caravan.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.support.CaravanFixture;
import io.caravan.support.ScriptedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A response that never finishes (its body or its headers drip a byte at a time, each byte well
 * within the read timeout) fails at {@code responseTimeoutMs} and is retried like a timeout;
 * headers of megabytes are refused at {@code maxHeaderBytes}, not read whole.
 */
class ResponseBoundsTest {

    private static final String PAGE = "[{\"id\":1},{\"id\":2}]";

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("bounds");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    @Timeout(60)
    void aBodyThatDripsFailsAtTheResponseDeadlineAfterItsRetries() throws Exception {
        try (ScriptedServer api = ScriptedServer.start((target, out) -> dripBody(out))) {
            assertFails(api, "SocketTimeoutException: the response did not complete within responseTimeoutMs (1,000 ms)");
            assertThat(api.requests()).hasSize(3);
        }
    }

    @Test
    @Timeout(60)
    void headersThatDripFailAtTheResponseDeadline() throws Exception {
        try (ScriptedServer api = ScriptedServer.start((target, out) -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            drip(out, "X-Slow: " + "s".repeat(200));
        })) {
            assertFails(api, "SocketTimeoutException: the response did not complete within responseTimeoutMs (1,000 ms)");
        }
    }

    @Test
    @Timeout(60)
    void aResponseThatDripsOnceIsFetchedAgainAndLands() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ScriptedServer api = ScriptedServer.start((target, out) -> {
            if (requests.incrementAndGet() == 1) {
                dripBody(out);
            } else {
                ScriptedServer.json(out, "", PAGE);
            }
        })) {
            fixture.caravan.addSource("bounds", params(api));

            RunSummary summary = fixture.caravan.run("bounds");

            assertThat(summary.retries()).isEqualTo(1);
            assertThat(summary.recordsLoaded()).isEqualTo(2);
            assertThat(api.requests()).hasSize(2);
        }
    }

    @Test
    @Timeout(60)
    void headersOfMegabytesAreRefusedAtTheLimitAndNotRetried() throws Exception {
        try (ScriptedServer api = ScriptedServer.start((target, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Big: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
            // 64 MB of one header, unless the client stops reading first (the write then fails).
            for (int i = 0; i < 1_024; i++) {
                out.write(chunk);
            }
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        })) {
            assertFails(api, "BadResponseException: response headers exceed maxHeaderBytes (65,536 bytes); stopped reading them");
            assertThat(api.requests()).hasSize(1);
        }
    }

    private void assertFails(ScriptedServer api, String cause) throws Exception {
        fixture.caravan.addSource("bounds", params(api));
        assertThatThrownBy(() -> fixture.caravan.run("bounds")).satisfies(e -> assertThat(
                ObjectHelper.getException(SourceFailedException.class, e))
                .hasMessage("source 'bounds' failed at page 1 (GET " + api.url() + "/items): " + cause));
    }

    private Map<String, String> params(ScriptedServer api) {
        return new HashMap<>(Map.of("url", api.url() + "/items", "pagination", "linkHeader", "recordsPath", "$",
                "keyPath", "$.id", "table", fixture.table, "retryDelayMs", "1", "maxRetries", "2",
                "responseTimeoutMs", "1000", "readTimeoutMs", "30000"));
    }

    /** Headers promising a body, then the body a byte every 100 ms. */
    private static void dripBody(OutputStream out) throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + PAGE.length()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        drip(out, PAGE.repeat(20));
    }

    /** Writes {@code text} a byte every 100 ms (at most 2,000 bytes: 200 s, far past any deadline here). */
    private static void drip(OutputStream out, String text) throws IOException, InterruptedException {
        out.flush();
        for (byte b : text.substring(0, Math.min(text.length(), 2_000)).getBytes(StandardCharsets.US_ASCII)) {
            out.write(b);
            out.flush();
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
