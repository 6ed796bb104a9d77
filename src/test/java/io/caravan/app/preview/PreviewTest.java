package io.caravan.app.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.support.LandedData;
import io.caravan.support.SandboxAndDatabase;
import io.caravan.support.RouteFileBoot;
import io.caravan.support.RouteFileExpectation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Locale;

/**
 * {@code preview URL} against the sandbox's GET contracts, given the URL a user would have from the
 * API's docs: it names the style (one of those that page the contract right), and the route file it
 * writes, run as is, lands the contract's data set exactly: GET APIs, search APIs with a JSON body
 * (Notion, Dropbox's continue endpoint, Elasticsearch's search_after) and an OAuth2 password grant
 * (Keycloak), a token in response and request headers, Elasticsearch's from/size and its scroll,
 * key-ordered APIs that start a page at the key sent (etcd's base64 range keys, CouchDB's
 * JSON view keys with the record wrapped in {@code doc}), and an offset API whose data grows while it
 * is read (every record of the data set lands, each once).
 */
class PreviewTest {

    private static final int RECORDS = 500;

    @RegisterExtension
    static final SandboxAndDatabase ENV = new SandboxAndDatabase();



    private static final Preview.Request GET = Preview.Request.get(List.of());

    private static Preview.Request post(String body) {
        return new Preview.Request("POST", body, List.of(), Map.of());
    }

    static Stream<Arguments> contracts() {
        return Stream.of(
                Arguments.of("github-issues", "/github/repos/caravan/demo/issues?per_page=100", GET, List.of("linkHeader")),
                Arguments.of("shopify-products", "/shopify/admin/api/2024-01/products.json?status=active&limit=100", GET, List.of("linkHeader")),
                Arguments.of("stripe-customers", "/stripe/v1/customers?limit=100", GET, List.of("lastRecordCursor")),
                Arguments.of("slack-messages", "/slack/api/conversations.history?limit=100", GET, List.of("bodyCursor")),
                Arguments.of("zoom-users", "/zoom/v2/users?page_size=100", GET, List.of("bodyCursor")),
                Arguments.of("hubspot-contacts", "/hubspot/crm/v3/objects/contacts?limit=100", GET, List.of("nextUrl", "bodyCursor")),
                Arguments.of("graph-users", "/graph/v1.0/users?$top=100", GET, List.of("nextUrl")),
                Arguments.of("freshdesk-tickets", "/freshdesk/api/v2/tickets?per_page=100", GET, List.of("pageNumber")),
                Arguments.of("helpscout-conversations", "/helpscout/v2/conversations", GET, List.of("nextUrl", "pageNumber")),
                Arguments.of("braze-campaigns", "/braze/campaigns/list", GET, List.of("pageNumber")),
                Arguments.of("jira-issues", "/jira/rest/api/3/search?maxResults=100", GET, List.of("offset")),
                Arguments.of("plentific-jobs", "/plentific/api/v2/jobs", GET, List.of("offset")),
                Arguments.of("logs-events", "/logs/v1/events?limit=100", GET, List.of("lastRecordTime")),
                Arguments.of("mediawiki-pages", "/mediawiki/w/api.php?action=query&list=allpages&format=json&aplimit=100&continue=",
                        GET, List.of("continuation")),
                Arguments.of("notion-pages", "/notion/v1/databases/caravan/query", post("{\"page_size\": 100}"), List.of("bodyCursor")),
                Arguments.of("dropbox-files", "/dropbox/2/files/list_folder", post("{\"path\": \"\", \"limit\": 100}"),
                        List.of("bodyCursor")),
                Arguments.of("elastic-hits", "/es/caravan/_search",
                        post("{\"size\": 100, \"sort\": [{\"updated_at\": \"asc\"}, {\"id\": \"asc\"}]}"), List.of("lastRecordCursor")),
                Arguments.of("etcd-keys", "/etcd/v3/kv/range",
                        post("{\"key\": \"Y2FyYXZhbi8=\", \"range_end\": \"Y2FyYXZhbjA=\", \"limit\": 100}"), List.of("lastRecordCursor")),
                Arguments.of("couchdb-docs", "/couchdb/caravan/_design/app/_view/by_title?include_docs=true&limit=100", GET,
                        List.of("lastRecordCursor")),
                Arguments.of("growing-items", "/growing/v1/items?limit=100&grow=7", GET, List.of("offset")),
                Arguments.of("headertoken-events", "/headertoken/v1/events?limit=100", GET, List.of("headerToken")),
                Arguments.of("search-hits", "/search/_search?size=100", GET, List.of("offset")),
                Arguments.of("search-scroll", "/search/_search?scroll=1m&size=100", GET, List.of("bodyCursor")),
                Arguments.of("keycloak-users", "/keycloak/admin/realms/caravan/users?max=100", new Preview.Request("GET", null, List.of(),
                        Map.of("auth", "oauth2", "grantType", "password", "clientId", "caravan-cli", "authUser", "caravan",
                                "authPassword", "sandbox-password", "tokenUrl", "TOKEN_URL")), List.of("offset")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void detectsTheStyleAndItsRouteFileLandsTheDataSet(String source, String path, Preview.Request given, List<String> styles,
            @TempDir Path dir) throws Exception {
        // The token endpoint is the sandbox's own, known only once it runs.
        Map<String, String> parameters = new LinkedHashMap<>(given.parameters());
        parameters.computeIfPresent("tokenUrl", (name, value) -> ENV.sandbox().url() + "/keycloak/realms/caravan/protocol/openid-connect/token");
        Preview.Request request = new Preview.Request(given.method(), given.body(), given.headers(), parameters);
        URI url = URI.create(ENV.sandbox().url() + path + (path.contains("?") ? "&" : "?") + "records=" + RECORDS);
        Path file = dir.resolve(source + ".camel.yaml");
        long before = ENV.sandbox().requestCount();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new Preview(url, request, source, file, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(status).as(output).isZero();
        assertThat(output).containsPattern("(?m)^records: +\\$").containsPattern("(?m)^key: +\\$\\.(_?id|key)")
                .containsPattern("(?m)^pagination: +(" + String.join("|", styles) + ") ").contains("wrote " + file);
        assertThat(ENV.sandbox().requestCount() - before).as("requests of the preview").isLessThanOrEqualTo(32);
        try {
            // A secret is a placeholder in the file, set here as its environment variable would set it.
            Map<String, String> secrets = new HashMap<>();
            parameters.forEach((name, value) -> secrets.put("caravan.secret." + source + "." + name.toLowerCase(Locale.ROOT), value));
            assertThat(Files.readString(file)).doesNotContain("sandbox-password");
            RouteFileBoot.runOnce(file, source, source.replace('-', '_'), ENV.database(), secrets);
            RouteFileExpectation.assertLanded(source, RouteFileExpectation.landed(ENV.database(), source.replace('-', '_'), source),
                    LandedData.of(ENV.sandbox().dataSet(RECORDS, 42)));
        } finally {
            RouteFileBoot.drop(ENV.database(), source.replace('-', '_'));
        }
    }

    @Test
    void aSecretHeaderIsUsedButNeverWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ghe.camel.yaml");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new Preview(URI.create(ENV.sandbox().url() + "/ghe/api/v3/repos/caravan/demo/issues?state=all&records=300"),
                Preview.Request.get(List.of("Authorization: token sandbox-ghe-token", "Accept: application/vnd.github.v3+json",
                        "X-GitHub-Api-Version: 2022-11-28")), "ghe-issues", file,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("pagination:  linkHeader")
                .contains("set CARAVAN_SECRET_GHE_ISSUES_AUTHORIZATION to the value of the header Authorization")
                .doesNotContain("sandbox-ghe-token");
        assertThat(Files.readString(file)).doesNotContain("sandbox-ghe-token")
                .contains("Authorization: {{caravan.secret.ghe-issues.authorization}}").contains("Accept: application/vnd.github.v3+json");
        // Run with the secret set as its environment variable would set it, the file lands the data set.
        try {
            RouteFileBoot.runOnce(file, "ghe-issues", "ghe_issues", ENV.database(),
                    Map.of("caravan.secret.ghe-issues.authorization", "token sandbox-ghe-token"));
            assertThat(LandedData.inTable(ENV.database(), "ghe_issues", "ghe-issues").checksum())
                    .isEqualTo(LandedData.of(ENV.sandbox().dataSet(300, 42)).checksum());
        } finally {
            RouteFileBoot.drop(ENV.database(), "ghe_issues");
        }
    }

    @Test
    void aSinglePageSaysItIsUnsure() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new Preview(URI.create(ENV.sandbox().url() + "/stripe/v1/customers?records=20&limit=100"), Preview.Request.get(List.of()), null, null,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        assertThat(status).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the body's $.has_more is false: this is the only page")
                .contains("pagination:  unsure");
    }
}
