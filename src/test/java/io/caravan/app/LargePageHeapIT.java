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
 * One page of 125,000 records (55.7 MB) under {@code -Xmx200m}. Kept whole as a tree (a records path
 * that is not plain field names, {@code $.data[*]}), it is larger than the heap: the packaged
 * application fails the source with one line that says so and what to change, and exits, where an
 * {@link OutOfMemoryError} lost in Camel's parallel split used to leave it waiting without end; nothing
 * is recorded as landed, and with a smaller page size the same heap lands every record. Streamed
 * ({@code $.data}: each record made into its row as it is parsed, no tree of the page), the same page
 * lands whole in the same heap.
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
            writeRoute(caravan, "$.data[*]", RECORDS, RECORDS);

            List<String> lines = caravan.run(1, 180, "run").lines().toList();

            assertThat(lines.stream().filter(line -> line.contains(" ERROR ")).toList()).singleElement()
                    .satisfies(line -> assertThat(line).contains("source 'big' failed at page 1 (GET " + sandbox.url())
                            .contains("the JVM ran out of heap (").contains("MB at most) on this page: lower pageSize"
                                    + " and batchSize, or give the JVM more heap (-Xmx)"));
            assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
            assertThat(lines).anyMatch(line -> line.startsWith("  big FAILED: IllegalStateException: the JVM ran out of heap"));
            assertThat(LandedData.inTable(dataSource, SOURCE, SOURCE).rows()).isZero();
            assertThat(caravan.run(0, 60, "state", "show", SOURCE)).contains("FAILED").doesNotContain("checkpoint: page");

            writeRoute(caravan, "$.data[*]", 5_000, 5_000);
            assertThat(caravan.run(0, 180, "run")).contains(SOURCE + " completed: 25 pages, 125,000 records loaded");
            assertLanded(sandbox, dataSource);

            AppDatabase.clear(dataSource, SOURCE, SOURCE);
            writeRoute(caravan, "$.data", RECORDS, 5_000);
            assertThat(caravan.run(0, 180, "run")).contains(SOURCE + " completed: 1 pages, 125,000 records loaded");
            assertLanded(sandbox, dataSource);
        }
    }

    private static void assertLanded(TestSandbox sandbox, HikariDataSource dataSource) throws Exception {
        LandedData landed = LandedData.inTable(dataSource, SOURCE, SOURCE);
        assertThat(landed.rows()).isEqualTo(RECORDS);
        assertThat(landed.distinctKeys()).isEqualTo(RECORDS);
        assertThat(landed.checksum()).isEqualTo(LandedData.of(sandbox.dataSet(RECORDS, 42)).checksum());
    }

    /**
     * A Stripe-style source of {@link #RECORDS} records at {@code recordsPath} in pages of {@code pageSize}
     * and batches of {@code batchSize}. The streamed page keeps batches of 5,000: a JDBC driver holds a
     * whole batch's parameters until it is sent, so one batch of the page's 125,000
     * rows does not fit -Xmx200m beside them.
     */
    private static void writeRoute(CaravanJar caravan, String recordsPath, int pageSize, int batchSize) throws Exception {
        caravan.route(SOURCE, CaravanJar.stripeParameters("records=" + RECORDS + "&max_page_size=" + RECORDS, SOURCE, """
                      - name: pageSizeParam
                        value: limit
                      - name: pageSize
                        value: "%1$d"
                      - name: batchSize
                        value: "%2$d"
                      - name: maxResponseBytes
                        value: "80000000"
                """.formatted(pageSize, batchSize)).replace("value: $.data\n", "value: \"" + recordsPath + "\"\n"));
    }
}
