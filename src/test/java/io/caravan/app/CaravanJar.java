package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The packaged application, run as a child process in a working directory, its output in a log file. */
final class CaravanJar {

    private final Path workDir;
    private final Map<String, String> environment;
    /** Launches of every instance, so that instances sharing a working directory write their own logs. */
    private static final AtomicInteger LAUNCHES = new AtomicInteger();

    CaravanJar(Path workDir, Map<String, String> environment) {
        this.workDir = workDir;
        this.environment = environment;
    }

    static Path jar() {
        Path jar = Path.of("target", "caravan.jar").toAbsolutePath();
        assertThat(jar).exists();
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Writes {@code routes/<source>.camel.yaml} in the working directory: the route template with the
     * source's name and {@code parameters}, YAML list items ({@code - name: … / value: …}) six spaces in.
     */
    void route(String source, String parameters) throws IOException {
        routeFile(source, """
                - templatedRoute:
                    routeTemplateRef: caravan-paginated-http
                    routeId: %1$s
                    parameters:
                      - name: source
                        value: %1$s
                """.formatted(source) + parameters);
    }

    /** Writes {@code routes/<name>.camel.yaml} in the working directory with {@code content}. */
    void routeFile(String name, String content) throws IOException {
        Files.createDirectories(workDir.resolve("routes"));
        Files.writeString(workDir.resolve("routes").resolve(name + ".camel.yaml"), content);
    }

    /**
     * The parameters of a Stripe-style source of the sandbox (limit and starting_after, has_more) with
     * {@code query} and landing in {@code table}, then {@code more} parameter lines, for {@link #route}.
     */
    static String stripeParameters(String query, String table, String more) {
        return stripeRoute("{{caravan.sandbox.url}}/stripe/v1/customers?" + query, table, more);
    }

    /** The parameters of a Stripe-style source at {@code url} into {@code table}, then {@code more} (parameter lines as they are). */
    static String stripeRoute(String url, String table, String more) {
        return """
                  - name: url
                    value: "%s"
                  - name: pagination
                    value: lastRecordCursor
                  - name: cursorParam
                    value: starting_after
                  - name: cursorField
                    value: $.id
                  - name: hasMorePath
                    value: $.has_more
                  - name: recordsPath
                    value: $.data
                  - name: keyPath
                    value: $.id
                  - name: table
                    value: %s
            """.formatted(url, table) + more;
    }

    /** Starts {@code java -jar caravan.jar args…}. */
    Launch start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path log = workDir.resolve("caravan-" + LAUNCHES.incrementAndGet() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new Launch(builder.start(), log);
    }

    /** Runs to its end (at most {@code seconds}) and returns the output; fails on another exit code. */
    String run(int expectedExit, long seconds, String... args) throws Exception {
        Launch launch = start(args);
        return launch.awaitExit(expectedExit, seconds);
    }

    /** One launch of the application. */
    record Launch(Process process, Path log) {

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        String awaitExit(int expectedExit, long seconds) throws Exception {
            boolean exited = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            String output = output();
            assertThat(exited).as("exited within %d s; output:%n%s", seconds, output).isTrue();
            assertThat(process.exitValue()).as("exit code; output:%n%s", output).isEqualTo(expectedExit);
            return output;
        }
    }
}
