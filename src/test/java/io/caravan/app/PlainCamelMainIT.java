package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sandbox.TestSandbox;
import io.caravan.state.CheckpointStore;
import io.caravan.state.RunStatus;
import io.caravan.support.LandedData;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route file is self-contained: a plain camel-main process with only the library jar and its own
 * dependencies (plus camel-main and the YAML DSL, which the host brings) runs a shipped route file
 * unchanged, given nothing but {@code camel.main.routes-include-pattern}. The route template comes
 * from Caravan's ContextServicePlugin, the database is the embedded H2 default under {@code ./data},
 * and the file's placeholders carry their defaults (the sandbox on 8089, 5,000 records). This is
 * what {@code camel run route.camel.yaml --dep=io.caravan:caravan:0.1.0} does underneath.
 */
class PlainCamelMainIT {

    private static final int DEMO_RECORDS = 5000;

    @Test
    void plainCamelMainRunsAShippedRouteFileWithNothingButItsPattern(@TempDir Path workDir) throws Exception {
        Path routes = Files.createDirectories(workDir.resolve("routes"));
        Files.copy(Path.of("routes", "stripe-customers.camel.yaml"), routes.resolve("stripe-customers.camel.yaml"));
        String classpath = Path.of("target", "caravan-0.1.0.jar").toAbsolutePath() + File.pathSeparator
                + Files.readString(Path.of("target", "host-classpath.txt")).strip();
        // The port the route file's placeholder defaults to (the port of `caravan.jar sandbox`).
        try (TestSandbox sandbox = TestSandbox.start(8089)) {
            ProcessBuilder builder = new ProcessBuilder(List.of(CaravanJar.java(), "-cp", classpath,
                    // Only so that the process ends: Main otherwise runs until stopped.
                    "-Dcamel.main.durationMaxIdleSeconds=3",
                    "-Dcamel.main.routesIncludePattern=file:routes/*.camel.yaml",
                    "org.apache.camel.main.Main"))
                    .directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("main.log").toFile());
            CaravanJar.Launch launch = new CaravanJar.Launch(builder.start(), workDir.resolve("main.log"));
            launch.awaitExit(0, 120);

            JdbcDataSource database = new JdbcDataSource();
            database.setURL("jdbc:h2:file:" + workDir.resolve("data/caravan") );
            database.setUser("sa");
            assertThat(LandedData.inTable(database, "stripe_customers", "stripe-customers").checksum())
                    .as("the table holds exactly the API's records").isEqualTo(LandedData.of(sandbox.dataSet(DEMO_RECORDS, 42)).checksum());
            var checkpoint = CheckpointStore.open(database).load("stripe-customers").orElseThrow();
            assertThat(checkpoint.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(checkpoint.records()).isEqualTo(DEMO_RECORDS);
            assertThat(sandbox.requestCount()).as("one request per page of 100").isEqualTo(DEMO_RECORDS / 100);
        }
    }
}
