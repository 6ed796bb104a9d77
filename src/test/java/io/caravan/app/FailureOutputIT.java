package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sandbox.TestSandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed run, as the application shows it: one ERROR line naming the source, the page, the request
 * and the API's error body up to the part that explains it; no stack trace; the summary; exit 1.
 */
class FailureOutputIT {

    @TempDir
    Path workDir;

    @Test
    void aFailureIsOneErrorLineWithTheApisExplanationAndNoStackTrace() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_JDBC_URL", "jdbc:h2:mem:failure"));
            caravan.route("tickets", """
                      - name: url
                        value: "%s/freshdesk/api/v2/tickets?records=250&past_end=400"
                      - name: pagination
                        value: pageNumber
                      - name: pageSizeParam
                        value: per_page
                      - name: pageSize
                        value: "100"
                      - name: keyPath
                        value: $.id
                      - name: table
                        value: tickets
                """.formatted(sandbox.url()));

            List<String> lines = caravan.run(1, 60, "run").lines().toList();

            List<String> errors = lines.stream().filter(line -> line.contains(" ERROR ")).toList();
            assertThat(errors).singleElement().satisfies(line -> assertThat(line)
                    .contains("source 'tickets' failed at page 4 (GET " + sandbox.url() + "/freshdesk/api/v2/tickets")
                    .contains("HTTP 400 {\"error\":\"page_out_of_range\"").endsWith("The last page is 3.\"}"));
            assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"))
                    .noneMatch(line -> line.contains(" WARN "));
            assertThat(lines).anyMatch(line -> line.contains("tickets: the 3 whole pages read before the failure landed"));
            assertThat(lines).anyMatch(line -> line.startsWith("tickets FAILED: see the error above: 3 pages, 250 records"
                    + " loaded", line.indexOf("tickets FAILED")));
            assertThat(lines).anyMatch(line -> line.startsWith("  tickets FAILED: HTTP 400 {\"error\":\"page_out_of_range\"")
                    && line.contains("The last page is 3."));
        }
    }
}
