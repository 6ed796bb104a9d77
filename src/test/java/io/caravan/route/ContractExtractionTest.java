package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunSummary;
import io.caravan.sandbox.SandboxServer;
import io.caravan.support.CaravanHarness;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
import io.caravan.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sandbox contract, extracted over real HTTP into a real database: the table holds exactly
 * the data set (count, distinct keys, checksum) for edge-case sizes, and overlapping pages land
 * no duplicates.
 */
class ContractExtractionTest {

    private static SandboxServer sandbox;
    private static HikariDataSource dataSource;
    private static CaravanHarness caravan;
    private static String table;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(0);
        dataSource = TestDatabase.dataSource();
        caravan = new CaravanHarness(dataSource);
        table = TestDatabase.uniqueTable("contracts");
    }

    @AfterAll
    static void stop() throws Exception {
        caravan.close();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
        dataSource.close();
        sandbox.close();
    }

    static List<Arguments> contractsAndSizes() {
        List<Arguments> cases = new ArrayList<>();
        for (SandboxContract contract : SandboxContract.values()) {
            int page = contract.pageSize();
            for (int records : new int[] {0, 1, page, page + 1, 10_000}) {
                cases.add(Arguments.of(contract, records));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} with {1} records")
    @MethodSource("contractsAndSizes")
    void landsExactlyTheDataSet(SandboxContract contract, int records) throws Exception {
        String source = contract.name().toLowerCase() + "_" + records;
        caravan.addSource(source, withTable(contract.parameters(sandbox.url(), records, "")));
        long requestsBefore = sandbox.requestCount();

        RunSummary summary = caravan.run(source);

        LandedData expected = LandedData.of(sandbox.dataSet(records, 42));
        LandedData landed = LandedData.inTable(dataSource, table, source);
        assertThat(landed.rows()).isEqualTo(records);
        assertThat(landed.distinctKeys()).isEqualTo(records);
        assertThat(landed.checksum()).isEqualTo(expected.checksum());
        assertThat(summary.completed()).isTrue();
        assertThat(summary.pages()).isEqualTo(contract.expectedPages(records));
        assertThat(sandbox.requestCount() - requestsBefore).isEqualTo(contract.expectedPages(records));
        assertThat(summary.recordsLoaded()).isEqualTo(records);
    }

    @ParameterizedTest
    @EnumSource(SandboxContract.class)
    void overlappingPagesLandNoDuplicates(SandboxContract contract) throws Exception {
        String source = contract.name().toLowerCase() + "_overlap";
        int records = 1_000;
        caravan.addSource(source, withTable(contract.parameters(sandbox.url(), records, "&overlap=3")));

        RunSummary summary = caravan.run(source);

        LandedData landed = LandedData.inTable(dataSource, table, source);
        assertThat(landed.rows()).isEqualTo(records);
        assertThat(landed.checksum()).isEqualTo(LandedData.of(sandbox.dataSet(records, 42)).checksum());
        long pages = contract.expectedPages(records);
        assertThat(summary.duplicatesDropped()).isEqualTo(3 * (pages - 1));
        assertThat(summary.recordsLoaded()).isEqualTo(records);
    }

    @Test
    void recordsWithoutAKeyAreKeyedByAHashOfTheirContent() throws Exception {
        Map<String, String> params = withTable(SandboxContract.GITHUB.parameters(sandbox.url(), 500, "&overlap=2"));
        params.put("keyPath", "");
        caravan.addSource("unkeyed", params);

        RunSummary summary = caravan.run("unkeyed");

        List<String> payloads = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT record_key, payload FROM " + table + " WHERE source = 'unkeyed'")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).matches("[0-9a-f]{64}");
                payloads.add(rows.getString(2));
            }
        }
        assertThat(payloads).containsExactlyInAnyOrderElementsOf(
                LandedData.of(sandbox.dataSet(500, 42)).contentByKey().values());
        assertThat(summary.duplicatesDropped()).isEqualTo(2 * (5 - 1));
    }

    private static Map<String, String> withTable(Map<String, String> parameters) {
        parameters.put("table", table);
        return parameters;
    }
}
