package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.DataSet;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.LandedData;
import io.caravan.support.RouteFileExpectation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The route files of real APIs' ways of offering less than they hold, and of what only the application jar
 * can run (Simple's base64 functions) ({@code src/test/resources/contracts/}),
 * each run by the packaged application against the sandbox: the exit status, the line that says why
 * the run ended or failed, and exactly what landed.
 */
class ContractRoutesIT {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2024-01-21T20:00:00Z");

    private static TestSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            capped-offset     | 0 | 2000  | ended: all 2000 records read on page 40; the API returned at most 50 records per page of the 1,000 asked: it caps the page size
            header-total      | 1 | 0     | the API announced 2,000 records (header X-Total-Count) but the pass read 100: the API stopped offering pages before its total
            repeat-last       | 0 | 250   | ended: page 4 repeats the page before it (the same 50 records) on page 4
            past-end-400      | 0 | 250   | ended: the API answered HTTP 400 page_out_of_range on page 4
            constant-scroll   | 0 | 2500  | ended: empty page on page 26
            lower-bound-total | 0 | 30000 | completed: 4 of 4 slices
            array-cursor      | 1 | 0     | the value ${jsonpath($.messages[*].id)} is a JSON array, not a single value
            etcd-base64-rule  | 0 | 250   | ended: no rule's when holds on page 3
            """)
    void routeFileEndsAsItShouldAndLandsExactly(String source, int exit, int records, String says, @TempDir Path workDir)
            throws Exception {
        Files.createDirectories(workDir.resolve("routes"));
        Files.copy(Path.of("src/test/resources/contracts", source + ".camel.yaml"),
                workDir.resolve("routes").resolve(source + ".camel.yaml"));
        String table = source.replace('-', '_');
        try (HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            AppDatabase.clear(dataSource, source, table);
        }
        CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url(),
                "CARAVAN_JDBC_URL", AppDatabase.jdbcUrl(workDir)));

        String output = caravan.run(exit, 120, "run");

        assertThat(output).contains(says);
        try (HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            if (records == 0) {
                // The run created its table when it started, and landed nothing.
                assertThat(LandedData.inTable(dataSource, table, source).rows()).isZero();
            } else {
                DataSet data = sandbox.dataSet(records, 42);
                LandedData expected = LandedData.of(source.equals("lower-bound-total") ? data.view(FROM, UNTIL, false) : data);
                LandedData landed = RouteFileExpectation.landed(dataSource, table, source);
                assertThat(landed.checksum()).isEqualTo(expected.checksum());
                assertThat(landed.rows()).isEqualTo(expected.rows());
            }
        }
    }
}
