package io.caravan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * YAML resources (a Kamelet, a Pipe, an Integration, route files in them) read as JSON trees and
 * checked against the schemas written for them under {@code src/test/resources/schemas}.
 */
public final class ResourceSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

    private ResourceSchemas() {
    }

    /** Every YAML document of {@code file}, as JSON trees. */
    public static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
            if (document != null) {
                documents.add(MAPPER.valueToTree(document));
            }
        }
        return documents;
    }

    /** What is wrong with {@code document} by the schema {@code schemas/<name>.schema.json}: one line per error. */
    public static List<String> errors(String name, JsonNode document) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + name + ".schema.json"));
        return schema.validate(document).stream().map(Error::toString).toList();
    }
}
