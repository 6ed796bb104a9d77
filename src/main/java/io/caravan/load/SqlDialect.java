package io.caravan.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The SQL that differs between the supported databases: column types and the batch upsert
 * (H2 {@code MERGE}, PostgreSQL {@code INSERT … ON CONFLICT}, MariaDB {@code ON DUPLICATE KEY}).
 */
public enum SqlDialect {

    /** H2 keeps a payload as CHARACTER VARYING, stored in its row: a CLOB goes through H2's LOB store, which halved the landing speed into a file. */
    H2("CHARACTER VARYING", "CHARACTER VARYING", "TIMESTAMP") {
        @Override
        String upsert(String table, List<String> keys, List<String> columns, List<String> values) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + String.join(", ", values) + ")";
        }
    },
    POSTGRESQL("TEXT", "JSONB", "TIMESTAMP") {
        @Override
        String upsert(String table, List<String> keys, List<String> columns, List<String> values) {
            return insert(table, columns, values) + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                    + assignments(keys, columns, "%1$s = EXCLUDED.%1$s");
        }

        @Override
        String jsonValue() {
            return "CAST(? AS JSONB)";
        }
    },
    MARIADB("TEXT", "LONGTEXT", "DATETIME(3)") {
        @Override
        String upsert(String table, List<String> keys, List<String> columns, List<String> values) {
            return insert(table, columns, values) + " ON DUPLICATE KEY UPDATE "
                    + assignments(keys, columns, "%1$s = VALUES(%1$s)");
        }
    };

    private final String textType;
    private final String jsonType;
    private final String timestampType;

    SqlDialect(String textType, String jsonType, String timestampType) {
        this.textType = textType;
        this.jsonType = jsonType;
        this.timestampType = timestampType;
    }

    /** The dialect of the database behind {@code dataSource}. */
    public static SqlDialect of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** The dialect of a database, from its JDBC product name. */
    public static SqlDialect of(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database: " + productName + " (H2, PostgreSQL or MariaDB)");
    }

    /** Unbounded text. */
    public String textType() {
        return textType;
    }

    /** A JSON document: jsonb on PostgreSQL, text elsewhere. */
    public String jsonType() {
        return jsonType;
    }

    /** A point in time with milliseconds. */
    public String timestampType() {
        return timestampType;
    }

    /** The placeholder of a JSON value: a cast where the column is typed JSON. */
    String jsonValue() {
        return "?";
    }

    /**
     * The batch upsert of {@code columns} (positional placeholders {@code values}, in order), keyed by
     * {@code keys}: a row with the same key is replaced.
     */
    abstract String upsert(String table, List<String> keys, List<String> columns, List<String> values);

    private static String insert(String table, List<String> columns, List<String> values) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values) + ")";
    }

    private static String assignments(List<String> keys, List<String> columns, String format) {
        return columns.stream().filter(c -> !keys.contains(c)).map(c -> String.format(format, c))
                .collect(Collectors.joining(", "));
    }
}
