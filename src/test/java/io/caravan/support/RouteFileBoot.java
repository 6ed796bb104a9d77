package io.caravan.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import io.caravan.run.SessionRun;
import io.caravan.state.CheckpointStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Boots one route file as the application boots it (camel-main with the application's settings,
 * into {@code database}), waits with a {@link NotifyBuilder} for the first run of {@code source} to
 * end, and returns its summary, after checking that it completed and said why it ended.
 */
public final class RouteFileBoot {

    private RouteFileBoot() {
    }

    /** Runs {@code file} once from a clean state: its table dropped and its checkpoint reset. */
    public static RunSummary runOnce(Path file, String source, String table, HikariDataSource database,
            Map<String, String> properties) throws Exception {
        drop(database, table);
        CheckpointStore.open(database).reset(source);
        BlockingQueue<RunSummary> finished = new ArrayBlockingQueue<>(4);
        Main main = new Main();
        main.setPropertyPlaceholderLocations("classpath:caravan/application.properties");
        main.addOverrideProperty("caravan.routes", "file:" + file);
        main.addOverrideProperty("caravan.jdbc.url", database.getJdbcUrl());
        main.addOverrideProperty("caravan.jdbc.user", Objects.toString(database.getUsername(), ""));
        properties.forEach(main::addOverrideProperty);
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
            assertThat(summary.ended()).isNotBlank();
            assertThat(finished).isEmpty();
            return summary;
        } finally {
            // The application's pool is its process's; here several applications share one JVM and one database.
            HikariDataSource pool = main.getCamelContext() == null ? null : main.getCamelContext().getRegistry()
                    .lookupByNameAndType("caravanDataSource", HikariDataSource.class);
            main.stop();
            if (pool != null) {
                pool.close();
            }
        }
    }

    public static void drop(HikariDataSource database, String table) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
