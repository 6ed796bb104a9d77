package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Templated rules whose values keep their JSON type: an array into a body ({@code search_after}), a
 * string as JSON text into the query ({@code startkey="…"}), and a key computed with Simple's base64
 * functions ("the last key plus a zero byte"; {@code base64Encode} ends its text with CRLF, hence
 * {@code trim}).
 */
class TemplatedValuesTest {

    private static final int RECORDS = 1_234;
    private static CaravanFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = CaravanFixture.start("typed");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void anArrayValueGoesIntoTheBodyAsAnArray() throws Exception {
        RunSummary summary = run("typed_search_after", "/es/caravan/_search", Map.of("method", "POST",
                "body", "{\"size\": 100}", "recordsPath", "$.hits.hits", "keyPath", "$._id",
                "nextRequests", "[{\"when\": \"${variable.recordCount} > 0\","
                        + " \"body\": {\"search_after\": \"${jsonpath(variable:lastRecord, $.sort)}\"}}]"));

        assertThat(summary.completed()).isTrue();
        assertThat(LandedData.inTable(fixture.dataSource, fixture.table, "typed_search_after", LandedData.SOURCE_OF_HIT)
                .checksum()).isEqualTo(fixture.dataSet(RECORDS).checksum());
    }

    @Test
    void aValueAskedAsJsonGoesIntoTheQueryAsJsonText() throws Exception {
        RunSummary summary = run("typed_startkey", "/couchdb/caravan/_design/app/_view/by_title", Map.of(
                "recordsPath", "$.rows[*].doc", "keyPath", "$.id", "pageSizeParam", "limit", "pageSize", "100",
                "nextRequests", "[{\"when\": \"${variable.recordCount} > 1\", \"query\": {\"startkey\":"
                        + " {\"value\": \"${jsonpath(variable:lastRecord, $.title)}\", \"format\": \"json\"}}}]"),
                "&include_docs=true");

        assertThat(summary.completed()).isTrue();
        assertThat(fixture.landed("typed_startkey").checksum()).isEqualTo(fixture.dataSet(RECORDS).checksum());
    }

    @Test
    void simplesBase64FunctionsWriteTheNextKeyOfABase64Keyset() throws Exception {
        RunSummary summary = run("typed_base64", "/etcd/v3/kv/range", Map.of("method", "POST",
                "body", "{\"key\": \"Y2FyYXZhbi8=\", \"limit\": 100}", "recordsPath", "$.kvs", "keyPath", "$.key",
                "onMissingRecords", "empty",
                "nextRequests", "[{\"when\": \"${jsonpath($.more)} == true\", \"body\": {\"key\": \"${trim(${base64Encode("
                        + "${base64Decode(${jsonpath(variable:lastRecord, $.key)})}${base64Decode(AA==)})})}\"}}]"));

        assertThat(summary.completed()).isTrue();
        assertThat(summary.shiftedRecords()).isZero();
        assertThat(LandedData.inTable(fixture.dataSource, fixture.table, "typed_base64", LandedData.BASE64_VALUE)
                .checksum()).isEqualTo(fixture.dataSet(RECORDS).checksum());
    }

    private static RunSummary run(String source, String path, Map<String, String> style) throws Exception {
        return run(source, path, style, "");
    }

    private static RunSummary run(String source, String path, Map<String, String> style, String query) throws Exception {
        Map<String, String> params = new LinkedHashMap<>(style);
        params.put("pagination", "templated");
        params.put("url", fixture.sandbox.url() + path + "?records=" + RECORDS + query);
        params.put("table", fixture.table);
        fixture.caravan.addSource(source, params);
        return fixture.caravan.run(source);
    }
}
