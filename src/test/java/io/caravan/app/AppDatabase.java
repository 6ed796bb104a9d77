package io.caravan.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.caravan.state.CheckpointStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The database the packaged application runs against in a test: PostgreSQL when
 * {@code CARAVAN_TEST_JDBC_URL} is set, else an H2 file in the working directory (served to the
 * test and the application at once).
 */
final class AppDatabase {

    private AppDatabase() {
    }

    static String jdbcUrl(Path workDir) {
        String external = System.getenv("CARAVAN_TEST_JDBC_URL");
        return external != null && !external.isBlank() ? external
                : "jdbc:h2:file:" + workDir.resolve("data").resolve("caravan") + ";AUTO_SERVER=TRUE";
    }

    static HikariDataSource dataSource(Path workDir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(workDir));
        if (jdbcUrl(workDir).startsWith("jdbc:h2:")) {
            config.setUsername("sa");
        }
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    /** Forgets the source's state and drops its table. */
    static void clear(HikariDataSource dataSource, String source, String table) throws Exception {
        CheckpointStore.open(dataSource).reset(source);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
