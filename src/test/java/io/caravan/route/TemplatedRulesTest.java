package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.support.CaravanFixture;
import io.caravan.support.LandedData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The templated paginator's rules against APIs of other styles: predicates over the body and headers,
 * the page variables, JSONPath over the last record, a request header, body fields and another endpoint.
 */
class TemplatedRulesTest {

    private static CaravanFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = CaravanFixture.start("templated");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static List<Arguments> apis() {
        return List.of(
                Arguments.of("dropbox", "/dropbox/2/files/list_folder", Map.of("method", "POST",
                        "body", "{\"path\": \"\", \"limit\": 100}", "recordsPath", "$.entries",
                        "nextRequests", "[{\"when\": \"${jsonpath($.has_more)} == true\", \"url\": \"list_folder/continue\","
                                + " \"replaceBody\": true, \"body\": {\"cursor\": \"${jsonpath($.cursor)}\"}}]")),
                Arguments.of("freshdesk", "/freshdesk/api/v2/tickets", Map.of("recordsPath", "$",
                        "pageSizeParam", "per_page", "pageSize", "100",
                        "nextRequests", "[{\"when\": \"${variable.recordCount} > 0\","
                                + " \"query\": {\"page\": \"${variable.nextPageNumber}\"}}]")),
                Arguments.of("plentific", "/plentific/api/v2/jobs", Map.of("recordsPath", "$.data",
                        "pageSizeParam", "header:limit", "pageSize", "50",
                        "nextRequests", "[{\"when\": \"${variable.recordCount} > 0\","
                                + " \"headers\": {\"offset\": \"${jsonpath(variable:lastRecord, $.id)}\"}}]")),
                Arguments.of("github", "/github/repos/caravan/demo/issues", Map.of("recordsPath", "$",
                        "pageSizeParam", "per_page", "pageSize", "100",
                        "nextRequests", "[{\"when\": \"${header.Link} contains 'rel=\\\"next\\\"'\","
                                + " \"query\": {\"page\": \"${variable.nextPageNumber}\"}}]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void rulesWalkTheWholeApi(String name, String path, Map<String, String> style) throws Exception {
        for (int records : new int[] {0, 250}) {
            String source = "templated_" + name + "_" + records;
            Map<String, String> params = new LinkedHashMap<>(style);
            params.put("pagination", "templated");
            params.put("url", fixture.sandbox.url() + path + "?records=" + records);
            params.put("keyPath", "$.id");
            params.put("table", fixture.table);
            fixture.caravan.addSource(source, params);

            fixture.caravan.run(source);

            assertThat(LandedData.inTable(fixture.dataSource, fixture.table, source).checksum())
                    .isEqualTo(LandedData.of(fixture.sandbox.dataSet(records, 42)).checksum());
        }
    }

    @Test
    void firstMatchingRuleWinsAndTheLastMayBeACatchAll() throws Exception {
        Map<String, String> params = new LinkedHashMap<>(Map.of("pagination", "templated",
                "url", fixture.sandbox.url() + "/freshdesk/api/v2/tickets?records=250", "recordsPath", "$",
                "pageSizeParam", "per_page", "pageSize", "100", "keyPath", "$.id", "table", fixture.table,
                "nextRequests", "[{\"when\": \"${variable.recordCount} == 0\", \"query\": {\"page\": \"\"}},"
                        + " {\"query\": {\"page\": \"${variable.nextPageNumber}\"}}]"));
        fixture.caravan.addSource("templated_catch_all", params);
        long before = fixture.sandbox.requestCount();

        fixture.caravan.run("templated_catch_all");

        assertThat(LandedData.inTable(fixture.dataSource, fixture.table, "templated_catch_all").rows()).isEqualTo(250);
        assertThat(fixture.sandbox.requestCount() - before).isEqualTo(4);
    }

    @Test
    void rulesThatAreNotJsonFailWhenTheRouteIsCreated() {
        Map<String, String> params = Map.of("pagination", "templated", "url", fixture.sandbox.url() + "/x",
                "nextRequests", "[{\"query\": ");

        assertThatThrownBy(() -> fixture.caravan.addSource("templated_broken", params))
                .hasStackTraceContaining("nextRequests is not valid JSON");
    }
}
