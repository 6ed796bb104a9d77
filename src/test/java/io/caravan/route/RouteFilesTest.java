package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxAndDatabase;
import io.caravan.support.RouteFileBoot;
import io.caravan.support.RouteFileExpectation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route file in {@code routes/}, booted as the application boots it (camel-main with the
 * application's settings, its own one-shot timer trigger) against the sandbox, waited for with a
 * {@link NotifyBuilder}: the table it names holds the data set (see {@link RouteFileExpectation}),
 * and the run completes once.
 * A file {@code x-y.camel.yaml} is source {@code x-y} landing in table {@code x_y}.
 */
class RouteFilesTest {

    private static final int RECORDS = 1_234;

    @RegisterExtension
    static final SandboxAndDatabase ENV = new SandboxAndDatabase();



    static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void routeFileLandsExactlyTheDataSet(Path file) throws Exception {
        String source = file.getFileName().toString().replace(".camel.yaml", "");
        String table = source.replace('-', '_');
        try {
            RunSummary summary = RouteFileBoot.runOnce(file, source, table, ENV.database(), Map.of(
                    "caravan.sandbox.url", ENV.sandbox().url(), "caravan.demo.records", Integer.toString(RECORDS)));
            // Of the demo APIs only Jira's caps the page size asked for.
            assertThat(summary.ended().contains("it caps the page size")).as("cap noted for %s", source)
                    .isEqualTo(source.equals("jira-issues"));
            LandedData landed = RouteFileExpectation.landed(ENV.database(), table, source);
            RouteFileExpectation.assertLanded(source, landed, LandedData.of(ENV.sandbox().dataSet(RECORDS, 42)));
            assertThat(summary.recordsLoaded()).isEqualTo(landed.rows());
        } finally {
            RouteFileBoot.drop(ENV.database(), table);
        }
    }
}
