package io.caravan.load;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The database a source uses when the Camel context has no {@code caravanDataSource} bean: the
 * embedded H2 file {@value #URL} (or the H2 URL in {@code caravan.jdbc.url}), pooled by H2, made on
 * first use, bound under that name and closed with the context. A host that binds its own bean
 * (PostgreSQL in production) never gets one.
 */
public final class DefaultDataSource extends ServiceSupport {

    /** The bean name sources use unless a route names another ({@code dataSource}). */
    public static final String BEAN = "caravanDataSource";
    /** The embedded file; H2 must not close it itself while the JVM exits, so a SIGTERM still lands what was fetched. */
    static final String URL = "jdbc:h2:file:./data/caravan;DB_CLOSE_ON_EXIT=FALSE";
    /** As many connections as the application's own pool. */
    private static final int MAX_CONNECTIONS = 8;
    /** The longest wait for a pooled connection, in seconds. */
    private static final int CONNECTION_WAIT_SECONDS = 30;

    private final JdbcConnectionPool pool;

    private DefaultDataSource(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** The context's default DataSource, made and bound on the first call. */
    public static DataSource in(CamelContext context) {
        synchronized (DefaultDataSource.class) {
            DataSource bound = context.getRegistry().lookupByNameAndType(BEAN, DataSource.class);
            if (bound != null) {
                return bound;
            }
            String url = context.resolvePropertyPlaceholders("{{caravan.jdbc.url:" + URL + "}}");
            if (!url.startsWith("jdbc:h2:")) {
                throw new IllegalStateException("caravan.jdbc.url is " + url.replaceAll("[?;].*", "")
                        + ", but with no DataSource bean named '" + BEAN + "' only an H2 URL can be used:"
                        + " bind a pooled DataSource for any other database");
            }
            JdbcConnectionPool pool = JdbcConnectionPool.create(url,
                    context.resolvePropertyPlaceholders("{{caravan.jdbc.user:sa}}"),
                    context.resolvePropertyPlaceholders("{{caravan.jdbc.password:}}"));
            pool.setMaxConnections(MAX_CONNECTIONS);
            pool.setLoginTimeout(CONNECTION_WAIT_SECONDS);
            DefaultDataSource service = new DefaultDataSource(pool);
            try {
                context.addService(service, true, true);
            } catch (Exception e) {
                pool.dispose();
                throw new IllegalStateException("the default database could not be opened", e);
            }
            context.getRegistry().bind(BEAN, DataSource.class, pool);
            return pool;
        }
    }

    @Override
    protected void doStop() {
        pool.dispose();
    }
}
