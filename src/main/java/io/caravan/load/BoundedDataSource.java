package io.caravan.load;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.core.InfrastructureProxy;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * A source's DataSource with a bound on every wait for the database ({@code dbTimeoutMs}): each
 * connection it hands out has that JDBC network timeout, so a statement or a commit on a database
 * that stopped answering (a frozen network) fails instead of waiting as long as the freeze lasts.
 * Transactions on it are keyed by the DataSource it wraps ({@link InfrastructureProxy}), so a
 * component using the bean itself (camel-sql) joins them. Acquiring a connection is bounded by the
 * pool ({@code connectionTimeout} of HikariCP); an embedded database has no network to bound.
 */
public final class BoundedDataSource extends DelegatingDataSource implements InfrastructureProxy {

    private static final Executor DIRECT = Runnable::run;

    private final Duration timeout;

    public BoundedDataSource(DataSource target, Duration timeout) {
        super(target);
        this.timeout = timeout;
    }

    /** The bound on every wait. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bounded(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bounded(super.getConnection(username, password));
    }

    @Override
    public Object getWrappedObject() {
        return obtainTargetDataSource();
    }

    /**
     * {@code failure} explained when it is a wait for the database that ran out (a network timeout, a
     * statement or transaction timeout): the database did not answer within {@code timeout}; else itself.
     */
    public static Throwable explain(Throwable failure, Duration timeout) {
        boolean database = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            database |= cause instanceof SQLException || cause instanceof DataAccessException
                    || cause instanceof TransactionException;
            if (database && (cause instanceof SocketTimeoutException || cause instanceof SQLTimeoutException
                    || cause instanceof TransactionTimedOutException)) {
                return new SQLTimeoutException(String.format("the database did not answer within dbTimeoutMs (%,d ms)",
                        timeout.toMillis()), failure);
            }
        }
        return failure;
    }

    private Connection bounded(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(DIRECT, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        } catch (SQLFeatureNotSupportedException | AbstractMethodError embedded) {
            // a driver without a network (embedded H2) has nothing to bound
        }
        return connection;
    }
}
