package io.caravan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.Checkpoint;
import io.caravan.state.RunStatus;
import io.caravan.support.CaravanHarness;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
import io.caravan.support.TcpProxy;
import io.caravan.support.TestDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database goes away in the middle of a run (its connections break while a batch is written,
 * and new ones are refused): the run fails naming the source, the page and the cause, the
 * checkpoint stays at the last batch that committed, and once the database is back the next run
 * resumes there and lands the data set exactly. On H2 (as a TCP server) always, and on PostgreSQL
 * and MariaDB when their URLs are set. A database that stops answering (its network frozen, not cut)
 * fails the run within {@code dbTimeoutMs} the same way, on PostgreSQL and MariaDB (an embedded
 * database has no network to freeze).
 */
class DatabaseOutageTest {

    private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)");

    private static Server h2;

    @BeforeAll
    static void startH2Server() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
    }

    @AfterAll
    static void stopH2Server() {
        h2.stop();
    }

    static List<String> databases() {
        List<String> urls = new ArrayList<>();
        urls.add("jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:outage;DB_CLOSE_DELAY=-1");
        urls.addAll(TestDatabase.dialectUrls().subList(1, TestDatabase.dialectUrls().size()));
        return urls;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRunWhoseDatabaseGoesAwayFailsClearlyAndTheNextRunCompletesExactly(String url) throws Exception {
        Matcher target = HOST_PORT.matcher(url);
        assertThat(target.find()).as("host and port in " + url).isTrue();
        try (TestSandbox sandbox = TestSandbox.start(0);
                TcpProxy proxy = TcpProxy.to(target.group(1), Integer.parseInt(target.group(2)));
                HikariDataSource dataSource = throughProxy(target.replaceFirst("//127.0.0.1:" + proxy.port()));
                CaravanHarness caravan = new CaravanHarness(dataSource)) {
            String table = TestDatabase.uniqueTable("outage");
            // 20 pages of 100 records, 2 pages per batch: the database goes as batch 3 (pages 5 and 6) is written.
            caravan.addSource("outage", atThirdBatch(caravan, sandbox, table, proxy::cut));

            assertThatThrownBy(() -> caravan.run("outage")).satisfies(e -> assertThat(
                    ObjectHelper.getException(SourceFailedException.class, e))
                    .hasMessageStartingWith("source 'outage' failed at page 6 (GET " + sandbox.url()
                            + "/stripe/v1/customers?records=2000&limit=100&starting_after=500) while landing a batch: "));

            proxy.restore();
            // Pooled connections cut while idle are found dead by the pool once idle for 500 ms; drop them now.
            dataSource.getHikariPoolMXBean().softEvictConnections();
            Checkpoint unmoved = caravan.checkpoints().load("outage").orElseThrow();
            assertThat(unmoved.next().uri().toString()).endsWith("starting_after=400");
            assertThat(unmoved.records()).isEqualTo(400);
            assertThat(unmoved.pages()).isEqualTo(4);
            assertThat(LandedData.inTable(dataSource, table, "outage").rows()).isEqualTo(400);

            RunSummary resumed = caravan.run("outage");

            assertThat(resumed.resumedAtPage()).isEqualTo(5);
            assertThat(resumed.recordsLoaded()).isEqualTo(1_600);
            assertThat(LandedData.inTable(dataSource, table, "outage").checksum())
                    .isEqualTo(LandedData.of(sandbox.dataSet(2_000, 42)).checksum());
            // 6 pages before the outage and page 7 fetched ahead while batch 3 was written, then pages 5 to 20 again.
            assertThat(sandbox.requestCount()).isEqualTo(7 + 16);
            assertThat(caravan.checkpoints().load("outage").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }

    static List<String> networkDatabases() {
        return TestDatabase.dialectUrls();
    }

    @ParameterizedTest
    @MethodSource("networkDatabases")
    @Timeout(120)
    void aDatabaseThatStopsAnsweringFailsTheRunWithinItsBoundAndTheNextRunCompletesExactly(String url) throws Exception {
        assumeFalse(url.startsWith("jdbc:h2:"), "H2 runs embedded here: it has no network to freeze");
        Matcher target = HOST_PORT.matcher(url);
        assertThat(target.find()).as("host and port in " + url).isTrue();
        try (TestSandbox sandbox = TestSandbox.start(0);
                TcpProxy proxy = TcpProxy.to(target.group(1), Integer.parseInt(target.group(2)));
                HikariDataSource dataSource = throughProxy(target.replaceFirst("//127.0.0.1:" + proxy.port()));
                CaravanHarness caravan = new CaravanHarness(dataSource)) {
            String table = TestDatabase.uniqueTable("stall");
            Map<String, String> params = atThirdBatch(caravan, sandbox, table, proxy::freeze);
            params.put("dbTimeoutMs", "2000");
            caravan.addSource("stall", params);

            // PostgreSQL's driver reports the timeout as its cause; MariaDB's closes the connection and says only that.
            String cause = url.startsWith("jdbc:postgresql:")
                    ? " SQLTimeoutException: the database did not answer within dbTimeoutMs (2,000 ms)" : "";
            assertThatThrownBy(() -> caravan.run("stall")).satisfies(e -> assertThat(
                    ObjectHelper.getException(SourceFailedException.class, e))
                    .hasMessageStartingWith("source 'stall' failed at page 6 (GET " + sandbox.url()
                            + "/stripe/v1/customers?records=2000&limit=100&starting_after=500) while landing a batch:"
                            + cause));

            proxy.thaw();
            dataSource.getHikariPoolMXBean().softEvictConnections();
            Checkpoint unmoved = caravan.checkpoints().load("stall").orElseThrow();
            assertThat(unmoved.next().uri().toString()).endsWith("starting_after=400");
            assertThat(unmoved.records()).isEqualTo(400);

            RunSummary resumed = caravan.run("stall");

            assertThat(resumed.recordsLoaded()).isEqualTo(1_600);
            assertThat(LandedData.inTable(dataSource, table, "stall").checksum())
                    .isEqualTo(LandedData.of(sandbox.dataSet(2_000, 42)).checksum());
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }

    /**
     * A source of 20 pages of 100 Stripe-style records in batches of 200, into {@code table} through a
     * sink that does {@code fault} to the database as the third batch is written.
     */
    private static Map<String, String> atThirdBatch(CaravanHarness caravan, TestSandbox sandbox, String table,
            Runnable fault) throws Exception {
        AtomicInteger batches = new AtomicInteger();
        caravan.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upsert-with-a-fault")
                        .process(exchange -> {
                            if (batches.incrementAndGet() == 3) {
                                fault.run();
                            }
                        })
                        .to("sql:caravan-upsert?dataSource=#caravanDataSource&batch=true");
            }
        });
        Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), 2_000, "");
        params.put("table", table);
        params.put("batchSize", "200");
        params.put("sink", "direct:upsert-with-a-fault");
        return params;
    }

    /** A pool that gives up on the database within two seconds instead of waiting its default 30. */
    private static HikariDataSource throughProxy(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        return new HikariDataSource(config);
    }
}
