package io.caravan.support;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.TestSandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's sandbox API (on a free port) and test database, started before its tests and
 * closed after them: {@code @RegisterExtension static final SandboxAndDatabase env = new SandboxAndDatabase();}.
 */
public final class SandboxAndDatabase implements BeforeAllCallback, AfterAllCallback {

    private TestSandbox sandbox;
    private HikariDataSource database;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sandbox = TestSandbox.start(0);
        database = TestDatabase.dataSource();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
        sandbox.close();
    }

    public TestSandbox sandbox() {
        return sandbox;
    }

    public HikariDataSource database() {
        return database;
    }
}
