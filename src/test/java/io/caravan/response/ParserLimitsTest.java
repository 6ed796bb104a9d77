package io.caravan.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.run.RunSummary;
import io.caravan.run.SourceFailedException;
import io.caravan.support.CaravanFixture;
import io.caravan.support.ScriptedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each of the parser's limits is reported by the setting that bounds it (not all as "nests too
 * deep"), fails the run without a retry, and can be raised: the same page then lands.
 */
class ParserLimitsTest {

    private CaravanFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = CaravanFixture.start("limits");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "string|maxJsonStringLength|25000000|response JSON has a string longer than maxJsonStringLength (20,000,000 characters)",
        "number|maxJsonNumberLength|2000|response JSON has a number longer than maxJsonNumberLength (1,000 characters)",
        "name|maxJsonNameLength|100000|response JSON has a field name longer than maxJsonNameLength (50,000 characters)",
        "depth|maxJsonDepth|300|response JSON nests deeper than maxJsonDepth (200)"})
    void eachLimitIsNamedAndCanBeRaised(String shape, String setting, String raised, String message) throws Exception {
        String page = "[{\"id\":1," + switch (shape) {
            case "string" -> "\"text\":\"" + "x".repeat(25_000_000) + "\"";
            case "number" -> "\"num\":" + "7".repeat(1_500);
            case "name" -> "\"" + "k".repeat(60_000) + "\":1";
            default -> "\"deep\":" + "[".repeat(250) + "]".repeat(250);
        } + "}]";
        try (ScriptedServer api = ScriptedServer.start((target, out) -> ScriptedServer.json(out, "", page))) {
            Map<String, String> params = new HashMap<>(Map.of("url", api.url() + "/items", "pagination", "linkHeader",
                    "recordsPath", "$", "keyPath", "$.id", "table", fixture.table, "retryDelayMs", "1",
                    "maxResponseBytes", "60000000"));
            fixture.caravan.addSource("limits", params);

            assertThatThrownBy(() -> fixture.caravan.run("limits")).satisfies(e -> assertThat(
                    ObjectHelper.getException(SourceFailedException.class, e)).hasMessage("source 'limits' failed at page 1"
                            + " (GET " + api.url() + "/items): BadResponseException: " + message));
            assertThat(api.requests()).hasSize(1);

            params.put(setting, raised);
            fixture.caravan.replaceSource("limits", params);
            RunSummary summary = fixture.caravan.run("limits");

            assertThat(summary.recordsLoaded()).isEqualTo(1);
            try (Connection connection = fixture.dataSource.getConnection(); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT record_key, payload FROM " + fixture.table)) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("1");
                assertThat(row.getString(2).replace(" ", "")).isEqualTo(page.substring(1, page.length() - 1));
                assertThat(row.next()).isFalse();
            }
        }
    }
}
