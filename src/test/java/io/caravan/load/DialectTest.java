package io.caravan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.caravan.records.RowLayout;
import io.caravan.run.RunSummary;
import io.caravan.sandbox.TestSandbox;
import io.caravan.state.RunStatus;
import io.caravan.support.CaravanHarness;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
import io.caravan.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The landing table and the checkpoints on every supported database (H2; PostgreSQL and MariaDB
 * when their URLs are set): upsert, updated_at and extra columns, jsonb on PostgreSQL, and a run
 * that fails and resumes.
 */
class DialectTest {

    static List<String> databases() {
        return TestDatabase.dialectUrls();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void landsUpsertsAndResumesOnEveryDatabase(String url) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = TestDatabase.dataSource(url);
                CaravanHarness caravan = new CaravanHarness(dataSource)) {
            String table = TestDatabase.uniqueTable("dialect");
            Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), 1_000, "");
            params.put("table", table);
            params.put("batchSize", "250");
            params.put("updatedAtPath", "$.updated_at");
            params.put("columns", "title=$.title, score=$.score");
            caravan.addSource("dialect", params);
            sandbox.failFrom(6, 404);

            assertThatThrownBy(() -> caravan.run("dialect")).cause().hasMessageContaining("failed at page 6");
            assertThat(caravan.checkpoints().load("dialect").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
            assertThat(LandedData.inTable(dataSource, table, "dialect").rows()).isEqualTo(500);

            sandbox.recover();
            RunSummary resumed = caravan.run("dialect");
            caravan.run("dialect");

            assertThat(resumed.recordsLoaded()).isEqualTo(500);
            LandedData expected = LandedData.of(sandbox.dataSet(1_000, 42));
            LandedData landed = LandedData.inTable(dataSource, table, "dialect");
            assertThat(landed.rows()).isEqualTo(1_000);
            assertThat(landed.checksum()).isEqualTo(expected.checksum());
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT title, score, updated_at FROM " + table
                            + " WHERE source = 'dialect' AND record_key = '1'")) {
                assertThat(row.next()).isTrue();
                JsonNode record = new ObjectMapper().readTree(expected.contentByKey().get(1L));
                assertThat(row.getString(1)).isEqualTo(record.get("title").asText());
                assertThat(Double.parseDouble(row.getString(2))).isEqualTo(record.get("score").asDouble());
                assertThat(row.getTimestamp(3).toInstant()).isEqualTo(Instant.parse(record.get("updated_at").asText()));
            }
            if (url.startsWith("jdbc:postgresql:")) {
                assertThat(columnType(dataSource, table, "payload")).isEqualTo("jsonb");
            }
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }

    @Test
    void namesThatCouldInjectSqlAreRefused() {
        assertThatThrownBy(() -> new JdbcLandingTable("items; DROP TABLE users", RowLayout.fixed()))
                .hasMessageStartingWith("invalid table name 'items; DROP TABLE users'");
        assertThatThrownBy(() -> RowLayout.parse("", "email)=$.email", SqlNames::column))
                .hasMessageStartingWith("invalid column name 'email)'");
        assertThatThrownBy(() -> RowLayout.parse("", "payload=$.x", SqlNames::column))
                .hasMessage("column 'payload' is mapped twice or is a fixed column");
    }

    private static String columnType(HikariDataSource dataSource, String table, String column) throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet columns = connection.getMetaData().getColumns(null, null, table.toLowerCase(), column)) {
            assertThat(columns.next()).isTrue();
            return columns.getString("TYPE_NAME");
        }
    }
}
