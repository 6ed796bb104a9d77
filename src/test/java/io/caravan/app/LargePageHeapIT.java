package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.LandedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page larger than the JVM's heap (125,000 records, about 50 MB, under {@code -Xmx200m}): the
 * packaged application fails the source with one line that says so and what to change, and exits,
 * where an {@link OutOfMemoryError} lost in Camel's parallel split used to leave it waiting without
 * end. Nothing is recorded as landed; with a smaller page size, the same heap lands every record.
 */
class LargePageHeapIT {

    private static final int RECORDS = 125_000;
    private static final String SOURCE = "big";

    @TempDir
    Path workDir;

    @Test
    void aPageLargerThanTheHeapFailsWithOneLineAndASmallerPageSizeLandsItAll() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = AppDatabase.dataSource(workDir)) {
            AppDatabase.clear(dataSource, SOURCE, SOURCE);
            CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_SANDBOX_URL", sandbox.url(),
                    "CARAVAN_JDBC_URL", AppDatabase.jdbcUrl(workDir), "JAVA_TOOL_OPTIONS", "-Xmx200m"));
            writeRoute(caravan, RECORDS);

            List<String> lines = caravan.run(1, 180, "run").lines().toList();

            assertThat(lines.stream().filter(line -> line.contains(" ERROR ")).toList()).singleElement()
                    .satisfies(line -> assertThat(line).contains("source 'big' failed at page 1 (GET " + sandbox.url())
                            .contains("the JVM ran out of heap (").contains("MB at most) on this page: lower pageSize"
                                    + " and batchSize, or give the JVM more heap (-Xmx)"));
            assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
            assertThat(lines).anyMatch(line -> line.startsWith("  big FAILED: IllegalStateException: the JVM ran out of heap"));
            assertThat(LandedData.inTable(dataSource, SOURCE, SOURCE).rows()).isZero();
            assertThat(caravan.run(0, 60, "state", "show", SOURCE)).contains("FAILED").doesNotContain("checkpoint: page");

            writeRoute(caravan, 5_000);
            assertThat(caravan.run(0, 180, "run")).contains(SOURCE + " completed");
            LandedData landed = LandedData.inTable(dataSource, SOURCE, SOURCE);
            assertThat(landed.rows()).isEqualTo(RECORDS);
            assertThat(landed.distinctKeys()).isEqualTo(RECORDS);
            assertThat(landed.checksum()).isEqualTo(LandedData.of(sandbox.dataSet(RECORDS, 42)).checksum());
        }
    }

    /** A Stripe-style source of {@link #RECORDS} records in pages of {@code pageSize}, batches of a page. */
    private static void writeRoute(CaravanJar caravan, int pageSize) throws Exception {
        caravan.route(SOURCE, CaravanJar.stripeParameters("records=" + RECORDS + "&max_page_size=" + RECORDS, SOURCE, """
                      - name: pageSizeParam
                        value: limit
                      - name: pageSize
                        value: "%1$d"
                      - name: batchSize
                        value: "%1$d"
                      - name: maxResponseBytes
                        value: "80000000"
                """.formatted(pageSize)));
    }
}
