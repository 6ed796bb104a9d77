package io.caravan.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.caravan.run.RunSummary;
import io.caravan.support.CapturedLog;
import io.caravan.support.CaravanHarness;
import io.caravan.support.ScriptedServer;
import io.caravan.support.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records land as the API sent them: numbers no double holds keep every digit, {@code 10.10} its
 * trailing zero, {@code 1e400} its value and {@code -0} its sign, on every database (as text on H2
 * and MariaDB; number for number in PostgreSQL's jsonb). Keys keep the API's spelling: {@code -0}
 * and {@code 0}, {@code 1.10} and {@code 1.1}, {@code 100} and {@code 1e2} are different keys, and the
 * first key not in plain digits is logged.
 */
class ExactPayloadTest {

    private static final List<String> RECORDS = List.of(
            "{\"id\":1,\"amount\":12345678901234567.89,\"tiny\":0.1000000000000000055511151231257827,\"price\":10.10,"
                    + "\"huge\":1e400,\"zero\":-0,\"big\":123456789012345678901234567890,\"list\":[1.0,2.50,-0.0,1E-7]}",
            "{\"id\":100,\"name\":\"plain\"}",
            "{\"id\":1e2,\"name\":\"exponent\"}",
            "{\"id\":0,\"name\":\"zero\"}",
            "{\"id\":-0,\"name\":\"negative zero\"}",
            "{\"id\":1.1,\"name\":\"one point one\"}",
            "{\"id\":1.10,\"name\":\"one point ten\"}");

    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();

    static List<String> databases() {
        return TestDatabase.dialectUrls();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void numbersLandExactlyAndKeysKeepTheApisSpelling(String url) throws Exception {
        String page = "[" + String.join(",", RECORDS) + "]";
        try (ScriptedServer api = ScriptedServer.start((target, out) -> ScriptedServer.json(out, "", page));
                HikariDataSource dataSource = TestDatabase.dataSource(url);
                CaravanHarness caravan = new CaravanHarness(dataSource);
                CapturedLog log = new CapturedLog()) {
            String table = TestDatabase.uniqueTable("exact");
            Map<String, String> params = new LinkedHashMap<>(Map.of("url", api.url() + "/items", "pagination", "linkHeader",
                    "recordsPath", "$", "keyPath", "$.id", "table", table));
            caravan.addSource("exact", params);

            RunSummary summary = caravan.run("exact");

            assertThat(summary.recordsLoaded()).isEqualTo(7);
            Map<String, String> landed = payloads(dataSource, table);
            assertThat(landed.keySet()).containsExactlyInAnyOrder("1", "100", "1e2", "0", "-0", "1.1", "1.10");
            for (String record : RECORDS) {
                String key = EXACT.readTree(record).get("id").asText();
                String sent = record.replaceAll("^\\{\"id\":([^,]+),.*", "$1");
                String stored = landed.get(sent);
                assertThat(stored).as("record %s", key).isNotNull();
                if (url.startsWith("jdbc:postgresql:")) {
                    // jsonb keeps numbers as numerics: equal number for number (and -0 is 0 there).
                    assertThat(EXACT.readTree(stored).equals(NUMERICALLY, EXACT.readTree(record))).as(stored).isTrue();
                } else {
                    assertThat(stored).isEqualTo(record);
                }
            }
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("exact: record key $.id is the number 1e2,"
                    + " not plain digits: keys keep the API's spelling"));
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }

    private static final Comparator<JsonNode> NUMERICALLY = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private static Map<String, String> payloads(HikariDataSource dataSource, String table) throws Exception {
        Map<String, String> payloads = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT record_key, payload FROM " + table)) {
            while (rows.next()) {
                payloads.put(rows.getString(1), rows.getString(2));
            }
        }
        return payloads;
    }
}
