package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.tools.attach.VirtualMachine;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /observe} of the packaged application with {@code CARAVAN_OBSERVE_ENABLED=true}, on its
 * management port (9876 unless {@code CARAVAN_OBSERVE_PORT}), read over HTTP while it runs: the
 * probes the Deployment reads, Caravan's meters per source checked against the run and the
 * sandbox, and a source's readiness turning down once it failed its last runs.
 */
class ObserveIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void liveAndReadyAnswerOnTheManagementPortWhileSourcesRun(@TempDir Path workDir) throws Exception {
        int port = freePort();
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
                assertThat(routeExchangesOverJmx(launch.process().pid(), "stripe-customers")).as("the route's MBean").isPositive();
            } finally {
                launch.process().destroy();
                assertThat(launch.process().waitFor(60, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
            }
            assertThat(launch.output()).contains("Run summary").doesNotContain("Exception");
        }
    }

    @Test
    void metersMatchTheRunAndAFailingSourceTurnsReadinessDown(@TempDir Path workDir) throws Exception {
        int port = freePort();
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            CaravanJar jar = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url(),
                    "CARAVAN_EXIT_WHEN_DONE", "false", "CARAVAN_OBSERVE_ENABLED", "true",
                    "CARAVAN_OBSERVE_PORT", Integer.toString(port), "CARAVAN_HEALTH_MAX_FAILED_RUNS", "1",
                    "CARAVAN_HEALTH_MAX_LAG_SECONDS", "86400", "CARAVAN_DEMO_RECORDS", "500"));
            // An incremental source: its mark is the newest updated_at landed, in the sandbox's 2024.
            Files.createDirectories(workDir.resolve("routes"));
            Files.copy(Path.of("routes", "hubspot-backfill.camel.yaml"), workDir.resolve("routes/hubspot-backfill.camel.yaml"));
            jar.route("faulty", CaravanJar.stripeParameters(
                    "records=2000&rate_limit_rate=0.1&retry_after_s=1&fail_rate=0.1&seed=7", "observe_faulty", """
                      - name: retryDelayMs
                        value: "10"
                """));
            jar.route("missing", """
                      - name: url
                        value: "{{caravan.sandbox.url}}/no/such/api"
                      - name: pagination
                        value: linkHeader
                      - name: table
                        value: observe_missing
                """);
            CaravanJar.Launch launch = jar.start("run");
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> launch.output().contains("faulty completed")
                        && launch.output().contains("missing FAILED") && launch.output().contains("hubspot-backfill completed"));
                String output = launch.output();
                Matcher done = Pattern.compile("faulty completed: (\\d+) pages, ([\\d,]+) records loaded, (\\d+) shifted records"
                        + " dropped as repeats, (\\d+) retries").matcher(output);
                assertThat(done.find()).as(output).isTrue();
                String metrics = get("http://127.0.0.1:" + port + "/observe/metrics").body();
                assertThat(meter(metrics, "caravan_pages_total", "faulty")).isEqualTo(Double.parseDouble(done.group(1)));
                assertThat(meter(metrics, "caravan_records_landed_total", "faulty")).isEqualTo(2000.0);
                assertThat(meter(metrics, "caravan_repeats_dropped_total", "faulty")).isEqualTo(Double.parseDouble(done.group(3)));
                assertThat(meter(metrics, "caravan_retries_total", "faulty")).isEqualTo(Double.parseDouble(done.group(4)))
                        .isPositive();
                double limited = sandbox.responseCount(429);
                assertThat(limited).isPositive();
                assertThat(meter(metrics, "caravan_rate_limited_total", "faulty")).isEqualTo(limited);
                // Each 429 asked for one second (Retry-After: 1); pauses for an exhausted budget add to that; all within the run.
                double duration = meter(metrics, "caravan_run_duration_seconds", "faulty");
                assertThat(meter(metrics, "caravan_rate_limit_wait_seconds_total", "faulty")).isBetween(limited, duration);
                assertThat(meter(metrics, "caravan_last_success_seconds", "faulty")).isPositive();
                assertThat(meter(metrics, "caravan_last_success_seconds", "missing")).isNaN();
                assertThat(metrics).doesNotContain(sandbox.url());
                double lag = meter(metrics, "caravan_high_water_mark_lag_seconds", "hubspot-backfill");
                assertThat(lag).as("the mark of 2024 lags more than 300 days").isGreaterThan(300 * 86400.0);
                assertThat(meter(metrics, "caravan_high_water_mark_lag_seconds", "faulty")).isNaN();

                HttpResponse<String> ready = get("http://127.0.0.1:" + port + "/observe/health/ready?exposureLevel=full");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("missing failed its last 1 runs")
                        .contains("hubspot-backfill's high-water mark lags").doesNotContain("faulty failed");
                assertThat(get("http://127.0.0.1:" + port + "/observe/health/live").statusCode()).isEqualTo(200);
            } finally {
                launch.process().destroy();
                assertThat(launch.process().waitFor(60, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
            }
        }
    }

    /** The exchanges a route completed, read from its camel-management MBean in the process {@code pid} (attached as jconsole does). */
    private static long routeExchangesOverJmx(long pid, String routeId) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            Set<ObjectName> routes = server.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"" + routeId + "\",*"), null);
            assertThat(routes).as("MBeans of route %s", routeId).hasSize(1);
            return (Long) server.getAttribute(routes.iterator().next(), "ExchangesCompleted");
        } finally {
            vm.detach();
        }
    }

    /** A meter's value for {@code source} in Prometheus's text format. */
    private static double meter(String metrics, String name, String source) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*source=\"" + source + "\"[^}]*} (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("%s{source=%s} in%n%s", name, source, metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
