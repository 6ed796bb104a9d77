package io.caravan.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.caravan.support.LandedData;
import io.caravan.support.SandboxAndDatabase;
import io.caravan.support.KameletRun;
import io.caravan.support.ResourceSchemas;
import io.caravan.support.RouteFileBoot;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Camel K resources of {@code k8s/camel-k} (the Kamelet, a Pipe, an Integration) against their
 * CRD schemas as written for Caravan, and the routes they and the plain manifests' ConfigMaps carry,
 * booted against the sandbox with only the API's origin changed ({@value #API} becomes the
 * sandbox's GitHub): each lands the data set exactly.
 */
class CamelKResourcesTest {

    private static final Path CAMEL_K = Path.of("k8s", "camel-k");
    private static final String API = "https://api.github.com/repos/apache/camel";
    /** The sandbox's default number of records, as the resources ask for none. */
    private static final int RECORDS = 1_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final SandboxAndDatabase ENV = new SandboxAndDatabase();



    @Test
    void resourcesValidateAgainstTheirSchemas() throws Exception {
        assertThat(Files.isSameFile(CAMEL_K.resolve("paginated-http-source.kamelet.yaml"),
                Path.of("src/main/resources/kamelets/paginated-http-source.kamelet.yaml")))
                .as("k8s/camel-k holds the shipped Kamelet itself").isTrue();
        assertThat(ResourceSchemas.errors("kamelet-v1", document("paginated-http-source.kamelet.yaml"))).isEmpty();
        JsonNode pipe = document("pipe.yaml");
        assertThat(ResourceSchemas.errors("pipe-v1", pipe)).isEmpty();
        JsonNode integration = document("integration.yaml");
        assertThat(ResourceSchemas.errors("integration-v1", integration)).isEmpty();
        assertThat(integration.at("/spec/dependencies").toString()).contains("mvn:io.caravan:caravan:0.1.0");

        ObjectNode misspelt = pipe.deepCopy();
        ((ObjectNode) misspelt.get("spec")).set("sinc", misspelt.at("/spec/sink"));
        assertThat(ResourceSchemas.errors("pipe-v1", misspelt)).isNotEmpty();
    }

    @Test
    void pipeSetsTheKameletsPropertiesWithTheirTypes() throws Exception {
        JsonNode pipe = document("pipe.yaml");
        JsonNode kamelet = document("paginated-http-source.kamelet.yaml");
        assertThat(pipe.at("/spec/source/ref/name").asText()).isEqualTo(kamelet.at("/metadata/name").asText());
        // The Kamelet's definition is a JSON schema of its properties: the Pipe's must meet it, and name no other.
        ObjectNode definition = kamelet.at("/spec/definition").deepCopy();
        definition.put("additionalProperties", false);
        var schema = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012()).getSchema(definition);
        assertThat(schema.validate(pipe.at("/spec/source/properties"))).isEmpty();
        ObjectNode mistyped = pipe.at("/spec/source/properties").deepCopy();
        mistyped.put("pageSize", "100");
        assertThat(schema.validate(mistyped)).isNotEmpty();
    }

    @Test
    void pipeBootsAsTheRouteCamelKMakesOfIt() throws Exception {
        JsonNode pipe = document("pipe.yaml");
        ObjectNode parameters = pipe.at("/spec/source/properties").deepCopy();
        parameters.put("url", toSandbox(parameters.get("url").asText()));
        parameters.put("authToken", "sandbox-token");
        assertThat(pipe.at("/spec/sink/uri").asText()).startsWith("log:");
        // What Camel K runs for a Pipe: from the source Kamelet, with the Pipe's properties, to the sink.
        assertThat(pipe.at("/spec/source/ref/name").asText()).isEqualTo("paginated-http-source");
        KameletRun run = KameletRun.of(MAPPER.convertValue(parameters, Map.class), "", Map.of());
        assertThat(run.summary().completed()).isTrue();
        assertThat(run.summary().recordsLoaded()).isEqualTo(RECORDS);
        assertThat(run.records().rows()).isEqualTo(RECORDS);
        assertThat(run.records().checksum()).isEqualTo(expected());
    }

    @Test
    void routeFilesOfTheIntegrationAndTheConfigMapsBoot(@TempDir Path dir) throws Exception {
        List<String> routes = new ArrayList<>();
        document("integration.yaml").at("/spec/sources").forEach(source -> routes.add(source.get("content").asText()));
        for (ConfigMap map : KubernetesManifestsTest.all(ConfigMap.class)) {
            routes.addAll(map.getData().values());
        }
        assertThat(routes).hasSize(3);
        for (int i = 0; i < routes.size(); i++) {
            Path file = Files.writeString(dir.resolve("route-" + i + ".camel.yaml"), toSandbox(routes.get(i)));
            try {
                RouteFileBoot.runOnce(file, "github-issues", "github_issues", ENV.database(),
                        Map.of("caravan.github.token", "sandbox-token"));
                assertThat(LandedData.inTable(ENV.database(), "github_issues", "github-issues").checksum())
                        .as("route %d", i).isEqualTo(expected());
            } finally {
                RouteFileBoot.drop(ENV.database(), "github_issues");
            }
        }
    }

    private static String toSandbox(String text) {
        assertThat(text).contains(API);
        return text.replace(API, ENV.sandbox().url() + "/github/repos/caravan/demo");
    }

    private static String expected() throws Exception {
        return LandedData.of(ENV.sandbox().dataSet(RECORDS, 42)).checksum();
    }

    private static JsonNode document(String file) throws Exception {
        return ResourceSchemas.documents(CAMEL_K.resolve(file)).get(0);
    }
}
