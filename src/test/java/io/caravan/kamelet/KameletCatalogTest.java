package io.caravan.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.support.ResourceSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped Kamelet against the Kamelet CRD's schema (as written for Caravan under
 * {@code schemas/}) and the camel-kamelets catalog's rules: its name and type, its annotations and
 * icon, title-case titles, every property used and every placeholder defined (optional ones as
 * {@code {{?name}}}), every component it uses declared, and a released artifact.
 */
class KameletCatalogTest {

    private static final Path KAMELET = Path.of("src/main/resources/kamelets/paginated-http-source.kamelet.yaml");
    /** Words a catalog title keeps in lower case unless first. */
    private static final Set<String> MINOR_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "in", "of", "on",
            "or", "per", "the", "to", "with");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([A-Za-z0-9]+)}}");
    /** The steps of the template that are Camel's core EIPs, and the components the other steps are. */
    private static final Map<String, String> STEP_COMPONENTS = Map.of("bean", "bean", "loop", "core", "split", "core",
            "idempotentConsumer", "core", "onCompletion", "core");

    @Test
    void validatesAgainstTheKameletSchema() throws Exception {
        JsonNode kamelet = kamelet();
        assertThat(ResourceSchemas.errors("kamelet-v1", kamelet)).isEmpty();

        // The schema refuses what the catalog would: a misspelt field, a default of the wrong type, a snapshot.
        ObjectNode misspelt = kamelet.deepCopy();
        ((ObjectNode) misspelt.get("spec")).set("defintion", misspelt.get("spec").get("definition"));
        assertThat(ResourceSchemas.errors("kamelet-v1", misspelt)).singleElement().asString().contains("defintion");
        ObjectNode wrongDefault = kamelet.deepCopy();
        ((ObjectNode) wrongDefault.at("/spec/definition/properties/maxPages")).put("default", "10000");
        assertThat(ResourceSchemas.errors("kamelet-v1", wrongDefault)).isNotEmpty();
        ObjectNode snapshot = kamelet.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) snapshot.at("/spec/dependencies")).add("mvn:io.caravan:caravan:0.2.0-SNAPSHOT");
        assertThat(ResourceSchemas.errors("kamelet-v1", snapshot)).isNotEmpty();
    }

    @Test
    void followsTheCatalogsNamingAnnotationsAndIcon() throws Exception {
        JsonNode metadata = kamelet().get("metadata");
        String name = metadata.get("name").asText();
        assertThat(KAMELET.getFileName().toString()).isEqualTo(name + ".kamelet.yaml");
        assertThat(name).endsWith("-source");
        assertThat(metadata.at("/labels/camel.apache.org~1kamelet.type").asText()).isEqualTo("source");
        JsonNode annotations = metadata.get("annotations");
        for (String annotation : List.of("kamelet.support.level", "catalog.version", "provider", "kamelet.group", "kamelet.icon")) {
            assertThat(annotations.path("camel.apache.org/" + annotation).asText()).as(annotation).isNotBlank();
        }
        assertThat(annotations.get("camel.apache.org/catalog.version").asText()).isEqualTo("0.1.0");
        String icon = annotations.get("camel.apache.org/kamelet.icon").asText();
        assertThat(icon).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
    }

    @Test
    void titlesAreInTitleCase() throws Exception {
        JsonNode definition = kamelet().at("/spec/definition");
        List<String> titles = new java.util.ArrayList<>(List.of(definition.get("title").asText()));
        definition.get("properties").forEach(property -> titles.add(property.get("title").asText()));
        for (String title : titles) {
            String[] words = title.split(" ");
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                // A unit in parentheses, "(ms)", is written as the unit is.
                boolean minor = i > 0 && (MINOR_WORDS.contains(word) || word.startsWith("("));
                assertThat(minor || Character.isUpperCase(word.charAt(0)) || Character.isDigit(word.charAt(0)))
                        .as("word '%s' of title '%s'", word, title).isTrue();
            }
        }
    }

    @Test
    void everyPropertyIsUsedAndEveryPlaceholderDefined() throws Exception {
        JsonNode spec = kamelet().get("spec");
        JsonNode properties = spec.at("/definition/properties");
        Set<String> required = new HashSet<>();
        spec.at("/definition/required").forEach(node -> required.add(node.asText()));
        Set<String> beans = new HashSet<>();
        spec.at("/template/beans").forEach(bean -> beans.add(bean.get("name").asText()));
        Set<String> used = new TreeSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(spec.get("template").toString());
        while (placeholders.find()) {
            String name = placeholders.group(2);
            boolean optional = placeholders.group(1) != null;
            if (beans.contains(name)) {
                continue;
            }
            assertThat(properties.has(name)).as("{{%s}} is a property", name).isTrue();
            // A property with neither a default nor a required value may be left out: only {{?name}} allows that.
            boolean alwaysSet = required.contains(name) || properties.get(name).has("default");
            assertThat(optional).as("{{%s}} is written %s", name, alwaysSet ? "{{name}}" : "{{?name}}").isEqualTo(!alwaysSet);
            used.add(name);
        }
        Set<String> defined = new TreeSet<>();
        properties.fieldNames().forEachRemaining(defined::add);
        assertThat(used).isEqualTo(defined);
    }

    @Test
    void declaresEveryComponentItUsesAndTheReleasedArtifact() throws Exception {
        JsonNode spec = kamelet().get("spec");
        Set<String> declared = new TreeSet<>();
        spec.get("dependencies").forEach(node -> declared.add(node.asText()));
        Set<String> usedComponents = new TreeSet<>(List.of("kamelet"));
        // The trigger is a property: its default's component is the one a Kamelet without it needs.
        usedComponents.add(scheme(spec.at("/definition/properties/trigger/default").asText()));
        collectComponents(spec.at("/template/from/steps"), usedComponents);
        for (String component : usedComponents) {
            assertThat(declared).as("component %s declared", component).contains("camel:" + component);
        }
        assertThat(declared.stream().filter(dependency -> dependency.startsWith("mvn:")))
                .containsExactly("mvn:io.caravan:caravan:0.1.0");
    }

    private static void collectComponents(JsonNode steps, Set<String> components) {
        for (JsonNode step : steps) {
            step.fields().forEachRemaining(entry -> {
                if (entry.getKey().equals("to")) {
                    components.add(scheme(entry.getValue().asText()));
                } else {
                    assertThat(STEP_COMPONENTS).as("step %s", entry.getKey()).containsKey(entry.getKey());
                    components.add(STEP_COMPONENTS.get(entry.getKey()));
                }
                if (entry.getValue().has("steps")) {
                    collectComponents(entry.getValue().get("steps"), components);
                }
            });
        }
    }

    private static String scheme(String uri) {
        return uri.substring(0, uri.indexOf(':'));
    }

    private static JsonNode kamelet() throws Exception {
        return ResourceSchemas.documents(KAMELET).get(0);
    }
}
