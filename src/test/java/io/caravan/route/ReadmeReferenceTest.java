package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.junit.jupiter.api.Test;

/** The README's reference table documents every parameter of the route template, with its default. */
class ReadmeReferenceTest {

    @Test
    void everyTemplateParameterHasARowWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<RouteTemplateParameterDefinition> parameters;
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new PaginatedHttpRouteTemplate());
            parameters = context.getCamelContextExtension().getContextPlugin(Model.class)
                    .getRouteTemplateDefinition(PaginatedHttpRouteTemplate.ID).getTemplateParameters();
        }

        assertThat(parameters).hasSizeGreaterThan(40);
        for (RouteTemplateParameterDefinition parameter : parameters) {
            String defaultValue = parameter.getDefaultValue();
            String expected = "| `" + parameter.getName() + "` | " + (defaultValue == null ? "(required)"
                    : defaultValue.isEmpty() ? "empty" : "`" + defaultValue.replace("|", "\\|") + "`") + " |";
            assertThat(readme).as("README row for %s", parameter.getName()).contains(expected);
        }
    }
}
