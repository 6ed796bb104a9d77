package io.caravan.bench;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The hand-written floor as a fresh process, as a user's own loop would run from a scheduler:
 * {@code FloorProcess URL JDBC_URL TABLE} extracts every page into the table (created afresh) with
 * {@link FloorClient} and prints the records landed. It runs on the least classpath (Jackson and
 * the JDBC driver), with the driver's own data source.
 */
public final class FloorProcess {

    private FloorProcess() {
    }

    public static void main(String[] args) throws Exception {
        DataSource dataSource = dataSource(args[1]);
        {
            String table = args[2];
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
                statement.execute("CREATE TABLE " + table + " (source VARCHAR(200) NOT NULL, record_key VARCHAR(512) NOT NULL,"
                        + " payload " + (args[1].startsWith("jdbc:postgresql") ? "JSONB" : "CHARACTER VARYING")
                        + ", fetched_at TIMESTAMP, PRIMARY KEY (source, record_key))");
            }
            long pages = new FloorClient().extract(args[0], dataSource, table);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    var count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                count.next();
                System.out.println("floor landed " + count.getLong(1) + " records in " + pages + " pages");
            }
        }
    }

    private static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:postgresql")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(url);
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        return h2;
    }
}
