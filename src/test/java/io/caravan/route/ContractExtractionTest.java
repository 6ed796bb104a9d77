package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
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

    private static CaravanFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = CaravanFixture.start("contracts");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
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
        fixture.caravan.addSource(source, withTable(contract.parameters(fixture.sandbox.url(), records, "")));
        long requestsBefore = fixture.sandbox.requestCount();

        RunSummary summary = fixture.caravan.run(source);

        LandedData expected = LandedData.of(fixture.sandbox.dataSet(records, 42));
        LandedData landed = LandedData.inTable(fixture.dataSource, fixture.table, source);
        assertThat(landed.rows()).isEqualTo(records);
        assertThat(landed.distinctKeys()).isEqualTo(records);
        assertThat(landed.checksum()).isEqualTo(expected.checksum());
        assertThat(summary.completed()).isTrue();
        assertThat(summary.pages()).isEqualTo(contract.expectedPages(records));
        assertThat(fixture.sandbox.requestCount() - requestsBefore).isEqualTo(contract.expectedPages(records));
        assertThat(summary.recordsLoaded()).isEqualTo(records);
    }

    @ParameterizedTest
    @EnumSource(SandboxContract.class)
    void overlappingPagesLandNoDuplicates(SandboxContract contract) throws Exception {
        String source = contract.name().toLowerCase() + "_overlap";
        int records = 1_000;
        fixture.caravan.addSource(source, withTable(contract.parameters(fixture.sandbox.url(), records, "&overlap=3")));

        RunSummary summary = fixture.caravan.run(source);

        LandedData landed = LandedData.inTable(fixture.dataSource, fixture.table, source);
        assertThat(landed.rows()).isEqualTo(records);
        assertThat(landed.checksum()).isEqualTo(LandedData.of(fixture.sandbox.dataSet(records, 42)).checksum());
        long pages = contract.expectedPages(records);
        assertThat(summary.shiftedRecords()).isEqualTo(3 * (pages - 1));
        assertThat(summary.recordsLoaded()).isEqualTo(records);
    }

    @Test
    void recordsWithoutAKeyAreKeyedByAHashOfTheirContent() throws Exception {
        Map<String, String> params = withTable(SandboxContract.GITHUB.parameters(fixture.sandbox.url(), 500, "&overlap=2"));
        params.put("keyPath", "");
        fixture.caravan.addSource("unkeyed", params);

        RunSummary summary = fixture.caravan.run("unkeyed");

        List<String> payloads = new ArrayList<>();
        try (var connection = fixture.dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT record_key, payload FROM " + fixture.table + " WHERE source = 'unkeyed'")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).matches("[0-9a-f]{64}");
                payloads.add(LandedData.canonical(rows.getString(2)));
            }
        }
        assertThat(payloads).containsExactlyInAnyOrderElementsOf(
                LandedData.of(fixture.sandbox.dataSet(500, 42)).contentByKey().values());
        assertThat(summary.shiftedRecords()).isEqualTo(2 * (5 - 1));
    }

    private static Map<String, String> withTable(Map<String, String> parameters) {
        parameters.put("table", fixture.table);
        return parameters;
    }
}
