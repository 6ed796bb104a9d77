package io.caravan.support;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.TestSandbox;
import io.caravan.sandbox.SandboxSettings;
import java.sql.Connection;
import java.sql.Statement;

/**
 * What most tests run against: a sandbox on 127.0.0.1, the test database, a Camel context holding
 * the route template, and a table of their own (dropped on close).
 */
public final class CaravanFixture implements AutoCloseable {

    public final TestSandbox sandbox;
    public final HikariDataSource dataSource;
    public final CaravanHarness caravan;
    public final String table;

    private CaravanFixture(TestSandbox sandbox, String tablePrefix) throws Exception {
        this.sandbox = sandbox;
        this.dataSource = TestDatabase.dataSource();
        this.caravan = new CaravanHarness(dataSource);
        this.table = TestDatabase.uniqueTable(tablePrefix);
    }

    /** A fixture with a sandbox of default settings. */
    public static CaravanFixture start(String tablePrefix) throws Exception {
        return new CaravanFixture(TestSandbox.start(0), tablePrefix);
    }

    /** A fixture with a sandbox of the given settings. */
    public static CaravanFixture start(String tablePrefix, SandboxSettings settings) throws Exception {
        return new CaravanFixture(TestSandbox.start(0, settings), tablePrefix);
    }

    /** What the fixture's table holds for one source. */
    public LandedData landed(String source) throws Exception {
        return LandedData.inTable(dataSource, table, source);
    }

    /** The sandbox's data set of {@code records} records (seed 42), as Caravan stores it. */
    public LandedData dataSet(int records) throws Exception {
        return LandedData.of(sandbox.dataSet(records, 42));
    }

    @Override
    public void close() throws Exception {
        caravan.close();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
        dataSource.close();
        sandbox.close();
    }
}
