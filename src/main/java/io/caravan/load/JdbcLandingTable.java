package io.caravan.load;

import io.caravan.records.RowFields;
import io.caravan.records.RowLayout;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The table records land in: one row per source and record key, holding the record's JSON (jsonb
 * on PostgreSQL), its {@code updated_at} when configured, when it was fetched, and any extra columns
 * of the {@link RowLayout}. Created on first use in the dialect of its database; names are
 * validated so configuration cannot inject SQL.
 */
public final class JdbcLandingTable {

    private static final List<String> KEY = List.of(RowFields.SOURCE, RowFields.KEY);

    private final String name;
    private final RowLayout layout;
    private volatile String upsertSql;

    public JdbcLandingTable(String name, RowLayout layout) {
        this.name = SqlNames.table(name);
        this.layout = layout;
        layout.fields().forEach(SqlNames::column);
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
    public List<List<Object>> parameters(List<Map<String, Object>> rows) {
        List<String> fields = layout.fields();
        List<List<Object>> parameters = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>(fields.size());
            fields.forEach(field -> values.add(row.get(field)));
            parameters.add(values);
        }
        return parameters;
    }

    private String prepare(DataSource dataSource) throws SQLException {
        SqlDialect dialect = SqlDialect.of(dataSource);
        TableCreation.ifMissing(dataSource, name, createTable(dialect));
        List<String> values = layout.fields().stream()
                .map(field -> field.equals(RowFields.PAYLOAD) ? dialect.jsonValue() : "?").toList();
        return dialect.upsert(name, KEY, layout.fields(), values);
    }

    private String createTable(SqlDialect dialect) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(name)
                .append(" (source VARCHAR(200) NOT NULL, record_key VARCHAR(512) NOT NULL, payload ")
                .append(dialect.jsonType()).append(" NOT NULL");
        if (layout.hasUpdatedAt()) {
            ddl.append(", ").append(RowFields.UPDATED_AT).append(' ').append(dialect.timestampType());
        }
        ddl.append(", fetched_at ").append(dialect.timestampType()).append(" NOT NULL");
        layout.extraColumns().forEach(column -> ddl.append(", ").append(column).append(' ').append(dialect.textType()));
        return ddl.append(", PRIMARY KEY (source, record_key))").toString();
    }
}
