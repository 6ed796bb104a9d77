package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.DataSet;
import io.caravan.state.CheckpointStore;
import io.caravan.support.LandedData;
import io.caravan.support.RouteFileExpectation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots the packaged application ({@code target/caravan.jar}) as a newcomer would, in a fresh working
 * directory holding only {@code routes/}: the demo runs every route file to completion into the
 * embedded H2 file under {@code ./data}, and a second run leaves exactly the same rows.
 */
class PackagedApplicationIT {

    private static final int RECORDS = 1_000;

    @TempDir
    Path workDir;

    @Test
    void demoRunsEveryRouteFileAndASecondRunLeavesTheSameRows() throws Exception {
        List<String> sources = copyRoutes();
        String jdbcUrl = jdbcUrl();
        dropTables(jdbcUrl, sources);
        LandedData expected = LandedData.of(DataSet.generate(42, RECORDS));

        for (int run = 1; run <= 2; run++) {
            String output = runDemo();

            assertThat(output).contains("Sandbox API listening on http://127.0.0.1:").contains("Run summary");
            assertThat(output).contains("Caravan started " + sources.size() + " source(s)");
            for (String source : sources) {
                // A source of several sessions (slices) says how many ended first.
                assertThat(output).containsPattern(source + " completed: (\\d+ of \\d+ slices[^,]*, )?\\d+ pages, [\\d,]+ records loaded");
            }
            try (HikariDataSource dataSource = dataSource(jdbcUrl)) {
                for (String source : sources) {
                    RouteFileExpectation.assertLanded(source, RouteFileExpectation.landed(dataSource, table(source), source),
                            expected);
                }
            }
        }
    }

    @Test
    void sandboxCommandServesTheApiOnTheGivenPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(CaravanJar.java(), "-jar", CaravanJar.jar().toString(), "sandbox", "--port", Integer.toString(port))
                .redirectErrorStream(true).start();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            assertThat(lines.readLine()).isEqualTo("Sandbox API listening on http://127.0.0.1:" + port + " (Ctrl-C to stop)");
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port + "/stripe/v1/customers?records=3&limit=2")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"has_more\":true").contains("\"id\":2");
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private String runDemo() throws Exception {
        Path log = workDir.resolve("caravan.log");
        ProcessBuilder builder = new ProcessBuilder(CaravanJar.java(), "-jar", CaravanJar.jar().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CARAVAN_DEMO_RECORDS", Integer.toString(RECORDS));
        if (externalDatabase() != null) {
            builder.environment().put("CARAVAN_JDBC_URL", externalDatabase());
        }
        Process process = builder.start();
        boolean exited = process.waitFor(180, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("demo exited within 180 s; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        return output;
    }

    /** Copies the route files; returns their sources (file {@code x-y.camel.yaml} is source {@code x-y}). */
    private List<String> copyRoutes() throws IOException {
        Path target = Files.createDirectories(workDir.resolve("routes"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            List<Path> routes = files.filter(f -> f.toString().endsWith(".camel.yaml")).toList();
            for (Path file : routes) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return routes.stream().map(f -> f.getFileName().toString().replace(".camel.yaml", "")).toList();
        }
    }

    private static String table(String source) {
        return source.replace('-', '_');
    }

    private String jdbcUrl() {
        String external = externalDatabase();
        return external != null ? external : "jdbc:h2:file:" + workDir.resolve("data").resolve("caravan");
    }

    private static String externalDatabase() {
        String url = System.getenv("CARAVAN_TEST_JDBC_URL");
        return url == null || url.isBlank() ? null : url;
    }

    private static void dropTables(String jdbcUrl, List<String> sources) throws Exception {
        try (HikariDataSource dataSource = dataSource(jdbcUrl); Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String source : sources) {
                statement.execute("DROP TABLE IF EXISTS " + table(source));
            }
            CheckpointStore checkpoints = CheckpointStore.open(dataSource);
            sources.forEach(checkpoints::reset);
        }
    }

    private static HikariDataSource dataSource(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            config.setUsername("sa");
        }
        return new HikariDataSource(config);
    }
}
