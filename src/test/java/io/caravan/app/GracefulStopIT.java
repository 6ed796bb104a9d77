package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.sandbox.TestSandbox;
import io.caravan.support.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of two runs, one between pages and one held by a response that drips past
 * the graceful shutdown's timeout: the summary is printed whole and names both sources, the first as
 * stopped with what it fetched committed, the second as stopped before its run could report.
 */
class GracefulStopIT {

    @TempDir
    Path workDir;

    @Test
    void theSummaryAfterASigtermNamesEverySourceThatRan() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); ScriptedServer dripping = ScriptedServer.start((target, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n["
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 600; i++) {
                out.write(' ');
                out.flush();
                TimeUnit.MILLISECONDS.sleep(100);
            }
        })) {
            // The default H2 file database as the application configures it (it must not close itself at JVM exit).
            String external = System.getenv("CARAVAN_TEST_JDBC_URL");
            String jdbcUrl = external != null && !external.isBlank() ? external
                    : "jdbc:h2:file:" + workDir.resolve("data").resolve("caravan") + ";DB_CLOSE_ON_EXIT=FALSE";
            CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_JDBC_URL", jdbcUrl,
                    "CAMEL_MAIN_SHUTDOWN_TIMEOUT", "3"));
            caravan.route("paced", """
                      - name: url
                        value: "%s/helpscout/v2/conversations?records=20000&page_size=100&latency_ms=50"
                      - name: pagination
                        value: pageNumber
                      - name: recordsPath
                        value: $._embedded.conversations
                      - name: keyPath
                        value: $.id
                      - name: batchSize
                        value: "100"
                      - name: table
                        value: paced
                """.formatted(sandbox.url()));
            caravan.route("dripping", """
                      - name: url
                        value: "%s/items"
                      - name: pagination
                        value: linkHeader
                      - name: keyPath
                        value: $.id
                      - name: table
                        value: dripping
                """.formatted(dripping.url()));

            CaravanJar.Launch launch = caravan.start("run");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> sandbox.requestCount() >= 10 && !dripping.requests().isEmpty() || !launch.process().isAlive());
            launch.process().destroy();
            assertThat(launch.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

            String output = launch.output();
            assertThat(output).contains("Run summary");
            String summary = output.substring(output.lastIndexOf("Run summary"));
            assertThat(summary).contains("  paced stopped (resumes on the next run)")
                    .contains("  dripping stopped before its run could report (the shutdown outlasted"
                            + " camel.main.shutdown-timeout): it resumes on the next run from its last checkpoint");
        }
    }
}
