package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import io.caravan.run.SessionRun;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.CheckpointStore;
import io.caravan.support.LandedData;
import io.caravan.support.RouteFileExpectation;
import io.caravan.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

    private static TestSandbox sandbox;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.start(0);
        dataSource = TestDatabase.dataSource();
    }

    @AfterAll
    static void stop() {
        dataSource.close();
        sandbox.close();
    }

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
        drop(table);
        // No state left by an earlier run in a database that keeps it (an incremental source would start at its mark).
        CheckpointStore.open(dataSource).reset(source);
        BlockingQueue<RunSummary> finished = new ArrayBlockingQueue<>(4);
        // Booted the way the application boots it: camel-main with the application's settings and this route file.
        Main main = new Main();
        main.setPropertyPlaceholderLocations("classpath:caravan/application.properties");
        main.addOverrideProperty("caravan.routes", "file:" + file);
        main.addOverrideProperty("caravan.sandbox.url", sandbox.url());
        main.addOverrideProperty("caravan.demo.records", Integer.toString(RECORDS));
        main.addOverrideProperty("caravan.jdbc.url", dataSource.getJdbcUrl());
        main.addOverrideProperty("caravan.jdbc.user", Objects.toString(dataSource.getUsername(), ""));
        main.bind("observer", (RunObserver) finished::add);
        AtomicReference<NotifyBuilder> runDone = new AtomicReference<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                // The run's own exchange (the sessions' split exchanges carry their SessionRun).
                runDone.set(new NotifyBuilder(configured.getCamelContext()).fromRoute(source)
                        .filter(exchange -> exchange.getProperty(SessionRun.PROPERTY) == null).whenDone(1).create());
            }
        });
        try {
            main.start();

            assertThat(runDone.get().matches(60, TimeUnit.SECONDS)).as("a run of %s finished", source).isTrue();
            RunSummary summary = finished.poll();
            assertThat(summary).as("the summary of %s", source).isNotNull();
            assertThat(summary.failure()).isNull();
            assertThat(summary.source()).isEqualTo(source);
            // Every completed run says why it ended; of the demo APIs only Jira's caps the page size asked for.
            assertThat(summary.ended()).isNotBlank();
            assertThat(summary.ended().contains("it caps the page size")).as("cap noted for %s", source)
                    .isEqualTo(source.equals("jira-issues"));
            LandedData landed = RouteFileExpectation.landed(dataSource, table, source);
            RouteFileExpectation.assertLanded(source, landed, LandedData.of(sandbox.dataSet(RECORDS, 42)));
            assertThat(summary.recordsLoaded()).isEqualTo(landed.rows());
            assertThat(finished).isEmpty();
        } finally {
            // The application's pool is its process's; here 23 applications share one JVM and one database.
            HikariDataSource pool = main.getCamelContext() == null ? null : main.getCamelContext().getRegistry()
                    .lookupByNameAndType("caravanDataSource", HikariDataSource.class);
            main.stop();
            if (pool != null) {
                pool.close();
            }
            drop(table);
        }
    }

    private static void drop(String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
