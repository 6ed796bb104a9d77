package io.caravan.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.CaravanHarness;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxContract;
import io.caravan.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A route that names no table lands, with the default sink, in a table named after its source
 * (each character other than a letter, a digit or {@code _} made {@code _}): it used to fail at its
 * first batch with "bad SQL grammar []".
 */
class DefaultTableTest {

    @Test
    void aSourceWithoutATableLandsInATableNamedAfterIt() throws Exception {
        String source = "stripe-customers-" + Long.toHexString(System.nanoTime());
        String table = source.replace('-', '_');
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = TestDatabase.dataSource();
                CaravanHarness caravan = new CaravanHarness(dataSource)) {
            Map<String, String> params = SandboxContract.STRIPE.parameters(sandbox.url(), 250, "");
            params.remove("table");
            caravan.addSource(source, params);

            assertThat(caravan.run(source).recordsLoaded()).isEqualTo(250);

            LandedData landed = LandedData.inTable(dataSource, table, source);
            assertThat(landed.rows()).isEqualTo(250);
            assertThat(landed.checksum()).isEqualTo(LandedData.of(sandbox.dataSet(250, 42)).checksum());
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }
}
