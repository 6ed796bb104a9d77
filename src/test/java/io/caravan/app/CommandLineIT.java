package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.sandbox.TestSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application's command line (picocli): help and version on every command, and every
 * expected mistake as one line naming it, with no stack trace and exit status 2; {@code run FILE}
 * runs only that file and {@code --summary-json} writes the summary for a scheduler.
 */
class CommandLineIT {

    @TempDir
    Path workDir;

    private String run(int expectedExit, String... args) throws Exception {
        String output = new CaravanJar(workDir, Map.of()).run(expectedExit, 60, args).strip();
        assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
        return output;
    }

    @Test
    void helpAndVersionOnEveryCommand() throws Exception {
        assertThat(run(0, "--help")).contains("Usage: caravan [-hV] [COMMAND]").contains("run ").contains("demo ")
                .contains("sandbox ").contains("state ").contains("preview ").contains("Exit status: 0 every source completed");
        assertThat(run(0, "preview", "--help")).contains("Usage: caravan preview").contains("URL").contains("--write=FILE");
        assertThat(run(0, "run", "--help")).contains("Usage: caravan run").contains("[ROUTE_FILE...]").contains("--summary-json=FILE");
        assertThat(run(0, "sandbox", "--help")).contains("--port=N").contains("default: 8089");
        assertThat(run(0, "state", "show", "--help")).contains("Usage: caravan state show").contains("NAME");
        assertThat(run(0, "--version")).matches("caravan 0\\.1\\.0 \\(Apache Camel 4\\.18\\.0, Java .*\\)");
    }

    @Test
    void usageMistakesAreOneLineAndStatus2() throws Exception {
        assertThat(run(2, "frobnicate"))
                .isEqualTo("caravan: unknown command 'frobnicate' (commands: run, demo, sandbox, state, preview); see 'caravan --help'");
        assertThat(run(2, "sandbox", "--port", "abc"))
                .isEqualTo("caravan sandbox: Invalid value for option '--port': 'abc' is not an int; see 'caravan sandbox --help'");
        assertThat(run(2, "run", "--bogus")).isEqualTo("caravan run: Unknown option: '--bogus'; see 'caravan run --help'");
        assertThat(run(2, "state")).isEqualTo("caravan state: Missing required subcommand; see 'caravan state --help'");
        assertThat(run(2, "preview", "ftp://example.test/x"))
                .isEqualTo("caravan: configuration error: preview URL 'ftp://example.test/x' is not an http or https URL");
        assertThat(run(2, "preview", "-H", "no colon", "http://127.0.0.1:9/x"))
                .isEqualTo("caravan: configuration error: header 'no colon' is not 'Name: value'");
        assertThat(run(2, "preview", "-p", "table=x", "http://127.0.0.1:9/x")).startsWith(
                "caravan: configuration error: preview -p table: not a credentials parameter (auth, authToken,");
        assertThat(run(2, "preview", "-X", "POST", "-d", "{oops", "http://127.0.0.1:9/x"))
                .startsWith("caravan: configuration error: preview --body is not JSON: ");
        assertThat(run(2, "run", "nothere.camel.yaml")).isEqualTo("caravan: configuration error: no such route file: nothere.camel.yaml");
    }

    @Test
    void noRouteFilesIsStatus2NamingThePattern() throws Exception {
        String missing = "caravan: configuration error: no route files match 'file:routes/*.camel.yaml' (in "
                + workDir.toRealPath() + "; set caravan.routes or name the files: run FILE...)";
        assertThat(run(2, "run")).isEqualTo(missing);
        Files.createDirectories(workDir.resolve("routes"));
        assertThat(run(2, "run")).isEqualTo(missing);
        Files.writeString(workDir.resolve("routes/plain.camel.yaml"), """
                - route:
                    from:
                      uri: timer:plain?repeatCount=1
                      steps:
                        - log: plain
                """);
        assertThat(run(2, "run")).endsWith("caravan: configuration error: the route files matching 'file:routes/*.camel.yaml'"
                + " define no source of the template");
    }

    @Test
    void aManagementPortInUseIsOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Files.createDirectories(workDir.resolve("routes"));
            Files.copy(Path.of("routes", "stripe-customers.camel.yaml"), workDir.resolve("routes/stripe-customers.camel.yaml"));
            String output = new CaravanJar(workDir, Map.of("CARAVAN_OBSERVE_ENABLED", "true",
                    "CARAVAN_OBSERVE_PORT", Integer.toString(taken.getLocalPort()))).run(2, 60, "run").strip();
            assertThat(output).isEqualTo("caravan: configuration error: the management port " + taken.getLocalPort()
                    + " (caravan.observe.port) is in use: Address already in use");
        }
    }

    @Test
    void runOfNamedFilesRunsOnlyThemAndWritesTheSummaryAsJson() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            CaravanJar jar = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url()));
            jar.route("issues", """
                      - name: url
                        value: "{{caravan.sandbox.url}}/github/repos/caravan/demo/issues?records=250"
                      - name: pagination
                        value: linkHeader
                      - name: keyPath
                        value: $.id
                      - name: table
                        value: cli_issues
                """);
            jar.route("customers", CaravanJar.stripeParameters("records=100", "cli_customers", ""));
            String output = jar.run(0, 60, "run", "routes/issues.camel.yaml", "--summary-json", "summary.json");

            assertThat(output).contains("Caravan started 1 source(s)").contains("issues completed: ")
                    .doesNotContain("customers");
            JsonNode summary = new ObjectMapper().readTree(workDir.resolve("summary.json").toFile());
            assertThat(summary.get("exitStatus").asInt()).isZero();
            assertThat(summary.get("sources")).hasSize(1);
            JsonNode issues = summary.get("sources").get(0);
            assertThat(issues.get("source").asText()).isEqualTo("issues");
            assertThat(issues.get("outcome").asText()).isEqualTo("completed");
            assertThat(issues.get("recordsLoaded").asLong()).isEqualTo(250);
            assertThat(issues.get("pages").asLong()).isEqualTo(sandbox.requestCount());
            assertThat(issues.get("ended").asText()).contains("no rel=\"next\" link");
        }
    }
}
