package io.caravan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The parameter reference (docs/parameters.md) and the Kamelet are derived from {@link Parameters}: the shipped
 * files equal what the model generates. Run with {@code -Dcaravan.docs.write=true} to rewrite them.
 */
class ParameterDocsTest {

    private static final Path REFERENCE = Path.of("docs", "parameters.md");
    private static final Path KAMELET = Path.of("src/main/resources/kamelets/paginated-http-source.kamelet.yaml");
    private static final String START = "<!-- parameters:start (generated from io.caravan.config.Parameters) -->\n";
    private static final String END = "<!-- parameters:end -->";

    @Test
    void readmeTablesAreTheModels() throws Exception {
        String readme = Files.readString(REFERENCE);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("docs/parameters.md has the generated parameter block").isNotNegative();
        String expected = readme.substring(0, start + START.length()) + ParameterDocs.readmeTables() + readme.substring(end);
        if (Boolean.getBoolean("caravan.docs.write")) {
            Files.writeString(REFERENCE, expected);
        }
        assertThat(readme).as("the parameter tables (rewrite with -Dcaravan.docs.write=true)").isEqualTo(expected);
    }

    @Test
    void kameletIsTheModels() throws Exception {
        String expected = ParameterDocs.kamelet();
        if (Boolean.getBoolean("caravan.docs.write")) {
            Files.writeString(KAMELET, expected);
        }
        assertThat(Files.readString(KAMELET)).as("the Kamelet (rewrite with -Dcaravan.docs.write=true)").isEqualTo(expected);
    }

    @Test
    void kameletPropertiesAreTypedWithNoEmptyDefaultsAndSecretsArePasswords() throws Exception {
        Map<String, Object> definition = cast(cast(cast(new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(KAMELET))).get("spec")).get("definition"));
        Map<String, Object> properties = cast(definition.get("properties"));

        assertThat(definition.get("required")).isEqualTo(List.of("source", "url", "pagination"));
        assertThat(cast(properties.get("pageSize"))).containsEntry("type", "integer").doesNotContainKey("default");
        assertThat(cast(properties.get("maxPages"))).containsEntry("type", "integer").containsEntry("default", 10_000);
        assertThat(cast(properties.get("stopOnShortPage"))).containsEntry("type", "boolean").containsEntry("default", false);
        assertThat(cast(properties.get("pagination")).get("enum")).isEqualTo(List.of("pageNumber", "offset",
                "lastRecordCursor", "bodyCursor", "headerToken", "nextUrl", "linkHeader", "lastRecordTime", "timeWindow",
                "continuation", "templated"));
        for (String secret : List.of("authToken", "authPassword", "apiKey", "clientSecret", "refreshToken", "headers")) {
            assertThat(cast(properties.get(secret))).containsEntry("format", "password").doesNotContainKey("example");
        }
        properties.forEach((name, spec) -> {
            assertThat(cast(spec)).as(name).containsKeys("title", "description", "type");
            assertThat(cast(spec).get("default")).as("default of %s", name).isNotEqualTo("");
        });
        // The Kamelet leaves out the sink, the retries and what needs a checkpoint store.
        assertThat(properties).doesNotContainKeys("table", "sink", "maxRetries", "sliceStep", "concurrency")
                .hasSize((int) Parameters.all().stream().filter(Parameter::inKamelet).count());
    }

    @Test
    void kameletDependsOnTheReleasedArtifact() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<version>" + ParameterDocs.VERSION + "</version>");
        assertThat(Files.readString(KAMELET)).contains("mvn:io.caravan:caravan:" + ParameterDocs.VERSION + "\"")
                .doesNotContain("SNAPSHOT");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
