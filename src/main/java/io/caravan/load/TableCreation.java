package io.caravan.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates a table that may be missing. {@code CREATE TABLE IF NOT EXISTS} is not safe when two
 * sources start at once on PostgreSQL (both pass the check, one fails on the catalog's unique
 * index), so a failure is forgiven when the table exists afterwards: the other one created it.
 */
public final class TableCreation {

    private TableCreation() {
    }

    /** Runs {@code ddl} ({@code CREATE TABLE IF NOT EXISTS table …}). */
    public static void ifMissing(DataSource dataSource, String table, String ddl) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            if (!exists(dataSource, table)) {
                throw e;
            }
        }
    }

    private static boolean exists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
