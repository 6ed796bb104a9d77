package io.caravan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.Checkpoint;
import io.caravan.state.Quarantine.QuarantinedRecord;
import io.caravan.state.RunStatus;
import io.caravan.support.CaravanHarness;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
import io.caravan.support.ScriptedServer;
import io.caravan.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A record the database refuses no longer blocks its source: with {@code onBadRecord=quarantine} (the
 * default) it is set aside in {@code caravan_quarantine} with its page and the reason, every other
 * record lands, and the checkpoint counts what landed; with {@code fail} the run fails naming the
 * record and the checkpoint stays. On every database, with a check constraint refusing one record;
 * and a string holding NUL, which only PostgreSQL's jsonb refuses.
 */
class RefusedRecordsTest {

    static List<String> databases() {
        return TestDatabase.dialectUrls();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRecordTheDatabaseRefusesIsQuarantinedAndTheOthersLand(String url) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = TestDatabase.dataSource(url);
                CaravanHarness caravan = new CaravanHarness(dataSource)) {
            String table = refusingRecord13(dataSource);
            caravan.checkpoints().reset("refused");
            caravan.addSource("refused", stripe(sandbox, table, "quarantine"));

            RunSummary summary = caravan.run("refused");

            assertThat(summary.recordsLoaded()).isEqualTo(299);
            assertThat(summary.quarantined()).isEqualTo(1);
            assertThat(summary.describe()).contains("299 records loaded (1 refused by the database, quarantined in"
                    + " caravan_quarantine)");
            LandedData expected = LandedData.of(sandbox.dataSet(300, 42));
            Map<Long, String> withoutThirteen = new TreeMap<>(expected.contentByKey());
            String thirteen = withoutThirteen.remove(13L);
            assertThat(LandedData.inTable(dataSource, table, "refused").contentByKey()).isEqualTo(withoutThirteen);
            List<QuarantinedRecord> quarantined = caravan.checkpoints().quarantine().of("refused");
            assertThat(quarantined).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("13");
                assertThat(record.page()).isEqualTo(1);
                assertThat(record.reason()).containsIgnoringCase("no_13");
                assertThat(LandedData.canonical(record.record())).isEqualTo(thirteen);
            });
            Checkpoint done = caravan.checkpoints().load("refused").orElseThrow();
            assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(done.records()).isEqualTo(299);
            drop(dataSource, table);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withOnBadRecordFailTheRunFailsNamingTheRecordAndTheCheckpointStays(String url) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = TestDatabase.dataSource(url);
                CaravanHarness caravan = new CaravanHarness(dataSource)) {
            String table = refusingRecord13(dataSource);
            caravan.checkpoints().reset("refusing");
            caravan.addSource("refusing", stripe(sandbox, table, "fail"));

            assertThatThrownBy(() -> caravan.run("refusing")).satisfies(e -> assertThat(ObjectHelper.getException(
                    SourceFailedException.class, e)).hasMessageContaining(" while landing a batch: IllegalArgumentException:"
                            + " record 13 of page 1 was refused by the database: ")
                    .hasMessageContaining("; set onBadRecord=quarantine to set such records aside and go on"));
            Checkpoint failed = caravan.checkpoints().load("refusing").orElseThrow();
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.records()).isZero();
            assertThat(LandedData.inTable(dataSource, table, "refusing").rows()).isZero();
            assertThat(caravan.checkpoints().quarantine().of("refusing")).isEmpty();
            drop(dataSource, table);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStringHoldingNulIsStoredExactlyWhereTheDatabaseCanAndQuarantinedWhereItCannot(String url) throws Exception {
        String nul = "{\"id\":2,\"text\":\"a\\u0000b\"}";
        String page = "[{\"id\":1,\"text\":\"fine\"}," + nul + ",{\"id\":3,\"text\":\"fine\"}]";
        try (ScriptedServer api = ScriptedServer.start((target, out) -> ScriptedServer.json(out, "", page));
                HikariDataSource dataSource = TestDatabase.dataSource(url);
                CaravanHarness caravan = new CaravanHarness(dataSource)) {
            String table = TestDatabase.uniqueTable("nul");
            caravan.addSource("nul", new HashMap<>(Map.of("url", api.url() + "/items", "pagination", "linkHeader",
                    "recordsPath", "$", "keyPath", "$.id", "table", table)));

            RunSummary summary = caravan.run("nul");

            boolean jsonb = url.startsWith("jdbc:postgresql:");
            assertThat(summary.recordsLoaded()).isEqualTo(jsonb ? 2 : 3);
            assertThat(summary.quarantined()).isEqualTo(jsonb ? 1 : 0);
            Map<Long, String> landed = LandedData.inTable(dataSource, table, "nul").contentByKey();
            if (jsonb) {
                assertThat(landed).containsOnlyKeys(1L, 3L);
                assertThat(caravan.checkpoints().quarantine().of("nul")).singleElement().satisfies(record -> {
                    assertThat(record.record()).isEqualTo(nul);
                    assertThat(record.reason()).contains("\\u0000 cannot be converted to text");
                });
            } else {
                assertThat(landed).containsOnlyKeys(1L, 2L, 3L);
                assertThat(rawPayload(dataSource, table, "2")).isEqualTo(nul);
            }
            drop(dataSource, table);
        }
    }

    private static Map<String, String> stripe(TestSandbox sandbox, String table, String onBadRecord) {
        Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), 300, "");
        params.put("table", table);
        params.put("batchSize", "100");
        params.put("onBadRecord", onBadRecord);
        return params;
    }

    /** The landing table, created ahead of the run as Caravan would, with a check that refuses record 13. */
    private static String refusingRecord13(HikariDataSource dataSource) throws Exception {
        String table = TestDatabase.uniqueTable("refused");
        SqlDialect dialect = SqlDialect.of(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (source VARCHAR(200) NOT NULL, record_key VARCHAR(512) NOT NULL,"
                    + " payload " + dialect.jsonType() + " NOT NULL, fetched_at " + dialect.timestampType() + " NOT NULL,"
                    + " PRIMARY KEY (source, record_key), CONSTRAINT no_13 CHECK (record_key <> '13'))");
        }
        return table;
    }

    private static String rawPayload(HikariDataSource dataSource, String table, String key) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT payload FROM " + table + " WHERE record_key = '" + key + "'")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static void drop(HikariDataSource dataSource, String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + table);
        }
    }
}
