package io.caravan.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;

/**
 * The database tests land data in: in-memory H2 by default, or the database at
 * {@code CARAVAN_TEST_JDBC_URL} (CI points it at PostgreSQL).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The JDBC URL tests use. */
    public static String url() {
        String configured = System.getenv("CARAVAN_TEST_JDBC_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return "jdbc:h2:mem:caravan-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A pooled DataSource for {@link #url()}. */
    public static HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** A table name no other test uses. */
    public static String uniqueTable(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
