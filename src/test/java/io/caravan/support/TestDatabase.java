package io.caravan.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
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
        return dataSource(url());
    }

    /**
     * Every database the dialect tests run on: H2 always, PostgreSQL at {@code CARAVAN_TEST_JDBC_URL}
     * and MariaDB at {@code CARAVAN_TEST_MARIADB_URL} when set (CI sets both).
     */
    public static List<String> dialectUrls() {
        List<String> urls = new ArrayList<>();
        urls.add("jdbc:h2:mem:caravan-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        for (String variable : List.of("CARAVAN_TEST_JDBC_URL", "CARAVAN_TEST_MARIADB_URL")) {
            String url = System.getenv(variable);
            if (url != null && !url.isBlank()) {
                urls.add(url);
            }
        }
        return urls;
    }

    /** A pooled DataSource for {@code url}. */
    public static HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** A table name no other test uses. */
    public static String uniqueTable(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
