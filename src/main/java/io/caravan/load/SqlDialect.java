package io.caravan.load;

import io.caravan.records.RecordRows;
import java.util.Collections;
import java.util.Locale;

/** The SQL that differs between the supported databases: the landing table's DDL and the upsert. */
public enum SqlDialect {

    H2("CLOB") {
        @Override
        String upsert(String table) {
            return "MERGE INTO " + table + " (" + COLUMNS + ") KEY (source, record_key) VALUES (" + PARAMS + ")";
        }
    },
    POSTGRESQL("TEXT") {
        @Override
        String upsert(String table) {
            return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (" + PARAMS + ") ON CONFLICT (source, record_key)"
                    + " DO UPDATE SET payload = EXCLUDED.payload, fetched_at = EXCLUDED.fetched_at";
        }
    },
    MARIADB("LONGTEXT") {
        @Override
        String upsert(String table) {
            return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (" + PARAMS + ")"
                    + " ON DUPLICATE KEY UPDATE payload = VALUES(payload), fetched_at = VALUES(fetched_at)";
        }
    };

    private static final String COLUMNS = String.join(", ", RecordRows.FIELDS);
    // Positional: camel-sql re-parses a named-parameter statement for every row of a batch.
    private static final String PARAMS = String.join(", ", Collections.nCopies(RecordRows.FIELDS.size(), "?"));

    private final String textType;

    SqlDialect(String textType) {
        this.textType = textType;
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
        throw new IllegalArgumentException("unsupported database for the JDBC sink: " + productName);
    }

    /** The statement that creates the landing table when it does not exist. */
    String createTable(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (source VARCHAR(200) NOT NULL, record_key VARCHAR(512) NOT NULL, "
                + "payload " + textType + " NOT NULL, fetched_at TIMESTAMP NOT NULL, PRIMARY KEY (source, record_key))";
    }

    /** The batch upsert; its parameters are the values of {@link RecordRows#FIELDS}, in order. */
    abstract String upsert(String table);
}
