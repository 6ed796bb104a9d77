package io.caravan.load;

import io.caravan.records.RecordRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The table records land in: one row per source and record key, holding the record's JSON and
 * when it was fetched. Created on first use in the dialect of its database; the name is validated
 * so configuration cannot inject SQL.
 */
public final class JdbcLandingTable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private final String name;
    private volatile String upsertSql;

    public JdbcLandingTable(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid table name '" + name
                    + "': letters, digits and underscores, optionally schema-qualified");
        }
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The upsert statement for this table, creating the table first if needed (once). */
    public String upsertSql(DataSource dataSource) throws SQLException {
        String sql = upsertSql;
        if (sql == null) {
            synchronized (this) {
                if (upsertSql == null) {
                    upsertSql = prepare(dataSource);
                }
                sql = upsertSql;
            }
        }
        return sql;
    }

    /** A batch of rows as the upsert's positional parameters. */
    public static List<List<Object>> parameters(List<Map<String, Object>> rows) {
        List<List<Object>> parameters = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>(RecordRows.FIELDS.size());
            RecordRows.FIELDS.forEach(field -> values.add(row.get(field)));
            parameters.add(values);
        }
        return parameters;
    }

    private String prepare(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SqlDialect dialect = SqlDialect.of(connection.getMetaData().getDatabaseProductName());
            statement.execute(dialect.createTable(name));
            return dialect.upsert(name);
        }
    }
}
