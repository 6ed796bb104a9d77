package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.sandbox.TestSandbox;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Deployment's probes read: with {@code CARAVAN_OBSERVE_ENABLED=true} the packaged
 * application answers {@code /observe/health/live} and {@code /observe/health/ready} on its
 * management port (9876 unless {@code CARAVAN_OBSERVE_PORT}) while it runs scheduled sources, and
 * a SIGTERM still ends it cleanly.
 */
class HealthProbesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void liveAndReadyAnswerOnTheManagementPortWhileSourcesRun(@TempDir Path workDir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            Files.createDirectories(workDir.resolve("routes"));
            Files.copy(Path.of("routes", "stripe-customers.camel.yaml"), workDir.resolve("routes/stripe-customers.camel.yaml"));
            CaravanJar jar = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url(),
                    "CARAVAN_EXIT_WHEN_DONE", "false", "CARAVAN_OBSERVE_ENABLED", "true",
                    "CARAVAN_OBSERVE_PORT", Integer.toString(port)));
            CaravanJar.Launch launch = jar.start("run");
            try {
                String ready = "http://127.0.0.1:" + port + "/observe/health/ready";
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> get(ready).statusCode() == 200);
                assertThat(get(ready).body()).contains("\"status\":\"UP\"");
                HttpResponse<String> live = get("http://127.0.0.1:" + port + "/observe/health/live");
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(live.body()).contains("\"status\":\"UP\"");
                await().atMost(Duration.ofSeconds(60)).until(() -> launch.output().contains("stripe-customers completed"));
            } finally {
                launch.process().destroy();
                assertThat(launch.process().waitFor(60, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
            }
            assertThat(launch.output()).contains("Run summary").doesNotContain("Exception");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
