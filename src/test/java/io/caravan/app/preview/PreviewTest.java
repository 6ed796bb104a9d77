package io.caravan.app.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.LandedData;
import io.caravan.support.RouteFileBoot;
import io.caravan.support.RouteFileExpectation;
import io.caravan.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code preview URL} against the sandbox's GET contracts, given the URL a user would have from the
 * API's docs: it names the style (one of those that page the contract right), and the route file it
 * writes, run as is, lands the contract's data set exactly. The contracts left out need a request
 * body (Dropbox, Notion, Elasticsearch, etcd) or a token grant (Keycloak); on the keys a view orders by
 * (CouchDB's JSON keys) and on a data set that grows while it is read preview says it is unsure.
 */
class PreviewTest {

    private static final int RECORDS = 500;

    private static TestSandbox sandbox;
    private static HikariDataSource database;

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.start(0);
        database = TestDatabase.dataSource();
    }

    @AfterAll
    static void stop() {
        database.close();
        sandbox.close();
    }

    static Stream<Arguments> contracts() {
        return Stream.of(
                Arguments.of("github-issues", "/github/repos/caravan/demo/issues?per_page=100", List.of("linkHeader")),
                Arguments.of("shopify-products", "/shopify/admin/api/2024-01/products.json?status=active&limit=100", List.of("linkHeader")),
                Arguments.of("stripe-customers", "/stripe/v1/customers?limit=100", List.of("lastRecordCursor")),
                Arguments.of("slack-messages", "/slack/api/conversations.history?limit=100", List.of("bodyCursor")),
                Arguments.of("zoom-users", "/zoom/v2/users?page_size=100", List.of("bodyCursor")),
                Arguments.of("hubspot-contacts", "/hubspot/crm/v3/objects/contacts?limit=100", List.of("nextUrl", "bodyCursor")),
                Arguments.of("graph-users", "/graph/v1.0/users?$top=100", List.of("nextUrl")),
                Arguments.of("freshdesk-tickets", "/freshdesk/api/v2/tickets?per_page=100", List.of("pageNumber")),
                Arguments.of("helpscout-conversations", "/helpscout/v2/conversations", List.of("nextUrl", "pageNumber")),
                Arguments.of("braze-campaigns", "/braze/campaigns/list", List.of("pageNumber")),
                Arguments.of("jira-issues", "/jira/rest/api/3/search?maxResults=100", List.of("offset")),
                Arguments.of("plentific-jobs", "/plentific/api/v2/jobs", List.of("offset")),
                Arguments.of("logs-events", "/logs/v1/events?limit=100", List.of("lastRecordTime")),
                Arguments.of("mediawiki-pages", "/mediawiki/w/api.php?action=query&list=allpages&format=json&aplimit=100&continue=",
                        List.of("continuation")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void detectsTheStyleAndItsRouteFileLandsTheDataSet(String source, String path, List<String> styles, @TempDir Path dir)
            throws Exception {
        URI url = URI.create(sandbox.url() + path + (path.contains("?") ? "&" : "?") + "records=" + RECORDS);
        Path file = dir.resolve(source + ".camel.yaml");
        long before = sandbox.requestCount();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new Preview(url, List.of(), source, file, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(status).as(output).isZero();
        assertThat(output).containsPattern("(?m)^records: +\\$").containsPattern("(?m)^key: +\\$\\.id")
                .containsPattern("(?m)^pagination: +(" + String.join("|", styles) + ") ").contains("wrote " + file);
        assertThat(sandbox.requestCount() - before).as("requests of the preview").isLessThanOrEqualTo(32);
        try {
            RouteFileBoot.runOnce(file, source, source.replace('-', '_'), database, Map.of());
            RouteFileExpectation.assertLanded(source, RouteFileExpectation.landed(database, source.replace('-', '_'), source),
                    LandedData.of(sandbox.dataSet(RECORDS, 42)));
        } finally {
            RouteFileBoot.drop(database, source.replace('-', '_'));
        }
    }

    @Test
    void aSecretHeaderIsUsedButNeverWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ghe.camel.yaml");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new Preview(URI.create(sandbox.url() + "/ghe/api/v3/repos/caravan/demo/issues?state=all&records=300"),
                List.of("Authorization: token sandbox-ghe-token", "Accept: application/vnd.github.v3+json",
                        "X-GitHub-Api-Version: 2022-11-28"), "ghe-issues", file,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("pagination:  linkHeader")
                .contains("set GHE_ISSUES_AUTHORIZATION to the value of Authorization").doesNotContain("sandbox-ghe-token");
        assertThat(Files.readString(file)).doesNotContain("sandbox-ghe-token")
                .contains("Authorization: {{env:GHE_ISSUES_AUTHORIZATION}}").contains("Accept: application/vnd.github.v3+json");
    }

    @Test
    void aSinglePageSaysItIsUnsure() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new Preview(URI.create(sandbox.url() + "/stripe/v1/customers?records=20&limit=100"), List.of(), null, null,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        assertThat(status).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the body's $.has_more is false: this is the only page")
                .contains("pagination:  unsure");
    }
}
