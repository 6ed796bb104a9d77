package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sandbox.TestSandbox;
import io.caravan.state.CheckpointStore;
import io.caravan.state.RunStatus;
import io.caravan.support.LandedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caravan on Camel Quarkus (JVM mode): {@code quarkus/} is built from the library artifact this
 * build just made, and its {@code quarkus-run.jar} runs a shipped route file, unchanged, into the
 * embedded H2 default: the table holds exactly the API's records and the checkpoint says completed.
 */
class QuarkusApplicationIT {

    private static final int DEMO_RECORDS = 5000;

    @Test
    void quarkusApplicationLandsAShippedRouteFileExactly(@TempDir Path workDir) throws Exception {
        buildQuarkusApplication(workDir);
        Path app = Path.of("quarkus", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertThat(app).exists();
        Files.createDirectories(workDir.resolve("routes"));
        Files.copy(Path.of("routes", "stripe-customers.camel.yaml"), workDir.resolve("routes/stripe-customers.camel.yaml"));
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            ProcessBuilder builder = new ProcessBuilder(CaravanJar.java(),
                    // Only so that the process ends: a Camel Quarkus application otherwise runs until stopped.
                    "-Dcamel.main.duration-max-idle-seconds=2", "-jar", app.toString())
                    .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(workDir.resolve("quarkus.log").toFile());
            builder.environment().putAll(Map.of("CARAVAN_SANDBOX_URL", sandbox.url()));
            String output = new CaravanJar.Launch(builder.start(), workDir.resolve("quarkus.log")).awaitExit(0, 120);

            assertThat(output).contains("powered by Quarkus").contains("Apache Camel 4.17.0")
                    .contains("stripe-customers completed: 50 pages, 5,000 records loaded");
            JdbcDataSource database = new JdbcDataSource();
            database.setURL("jdbc:h2:file:" + workDir.resolve("data/caravan"));
            database.setUser("sa");
            assertThat(LandedData.inTable(database, "stripe_customers", "stripe-customers").checksum())
                    .isEqualTo(LandedData.of(sandbox.dataSet(DEMO_RECORDS, 42)).checksum());
            assertThat(CheckpointStore.open(database).load("stripe-customers").orElseThrow().status())
                    .isEqualTo(RunStatus.COMPLETED);
        }
    }

    /** {@code mvn package} of quarkus/, reading the library from target/repo, where this build installed it. */
    private static void buildQuarkusApplication(Path workDir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("caravan.maven.home"), "bin", "mvn").toString(),
                "-q", "-B", "-f", Path.of("quarkus", "pom.xml").toAbsolutePath().toString(), "package", "-DskipTests"));
        if ("offline=true".equals(System.getProperty("caravan.maven.settings"))) {
            // The build's own repository is a file: one, which an offline build may still read.
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        Path log = workDir.resolve("quarkus-build.log");
        Process build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        new CaravanJar.Launch(build, log).awaitExit(0, 600);
    }
}
