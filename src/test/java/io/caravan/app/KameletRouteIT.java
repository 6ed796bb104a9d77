package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sandbox.TestSandbox;
import io.caravan.support.LandedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kamelet from the shipped jar: {@code java -jar caravan.jar run} runs a route file whose routes
 * start at {@code kamelet:paginated-http-source} and end at the sinks users name first, a file per
 * record and the log; every record arrives once, exactly as the API sent it, and the summary counts
 * the records each route delivered. A URL written {@code RAW(…)} keeps every parameter of its query
 * (the data set of seed 7 arrives, not the default one).
 */
class KameletRouteIT {

    private static final int RECORDS = 250;

    @Test
    void kameletRoutesToFileAndLogRunFromThePackagedJar(@TempDir Path workDir) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            Files.createDirectories(workDir.resolve("routes"));
            Files.writeString(workDir.resolve("routes/kamelets.camel.yaml"), """
                    - route:
                        id: stripe-to-files
                        from:
                          uri: kamelet:paginated-http-source
                          parameters:
                            source: kamelet-stripe
                            url: "RAW({{caravan.sandbox.url}}/stripe/v1/customers?records=%1$d&seed=7)"
                            pagination: lastRecordCursor
                            pageSizeParam: limit
                            pageSize: 100
                            cursorParam: starting_after
                            cursorField: $.id
                            hasMorePath: $.has_more
                            recordsPath: $.data
                            keyPath: $.id
                          steps:
                            - to: "file:out?fileName=${header.CaravanRecordKey}.json"
                    - route:
                        id: github-to-log
                        from:
                          uri: kamelet:paginated-http-source
                          parameters:
                            source: kamelet-github
                            url: "{{caravan.sandbox.url}}/github/repos/caravan/demo/issues?records=%1$d"
                            pagination: linkHeader
                            keyPath: $.id
                          steps:
                            - to: "log:kamelet-github?level=DEBUG"
                    """.formatted(RECORDS));
            String output = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url())).run(0, 120, "run");

            assertThat(output).contains("Caravan started 2 source(s)")
                    .containsPattern("kamelet-stripe completed: 3 pages, 250 records loaded")
                    .containsPattern("kamelet-github completed: \\d+ pages, 250 records loaded");
            Map<Long, String> files = new TreeMap<>();
            try (Stream<Path> out = Files.list(workDir.resolve("out"))) {
                for (Path file : out.toList()) {
                    String json = Files.readString(file);
                    files.put(Long.parseLong(LandedData.field(json.getBytes(), "id")), LandedData.canonical(json));
                    assertThat(file.getFileName().toString()).isEqualTo(LandedData.field(json.getBytes(), "id") + ".json");
                }
            }
            assertThat(new LandedData(files.size(), files).checksum())
                    .isEqualTo(LandedData.of(sandbox.dataSet(RECORDS, 7)).checksum());
        }
    }

    /**
     * A Kamelet run that fails ends the process: one line naming the source, the page and the API's
     * answer, its summary, exit status 1. It used to wait without end, its run never reported.
     */
    @Test
    void aFailingKameletRunEndsWithOneLineItsSummaryAndExitStatus1(@TempDir Path workDir) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            Files.createDirectories(workDir.resolve("routes"));
            Files.writeString(workDir.resolve("routes/kamelets.camel.yaml"), """
                    - route:
                        id: tickets-to-log
                        from:
                          uri: kamelet:paginated-http-source
                          parameters:
                            source: kamelet-tickets
                            url: "RAW({{caravan.sandbox.url}}/freshdesk/api/v2/tickets?records=250&past_end=400)"
                            pagination: pageNumber
                            pageSizeParam: per_page
                            pageSize: 100
                            keyPath: $.id
                          steps:
                            - to: "log:kamelet-tickets?level=DEBUG"
                    """);
            String output = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url())).run(1, 120, "run");

            assertThat(output.lines().filter(line -> line.contains(" ERROR source ")).toList()).singleElement()
                    .satisfies(line -> assertThat(line).contains("source 'kamelet-tickets' failed at page 4 (GET "
                            + sandbox.url() + "/freshdesk/api/v2/tickets").contains("HTTP 400 {\"error\":\"page_out_of_range\""));
            assertThat(output).contains("  kamelet-tickets FAILED: HTTP 400");
        }
    }
}
