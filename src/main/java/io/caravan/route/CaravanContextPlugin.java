package io.caravan.route;

import io.caravan.config.KameletParameters;
import io.caravan.config.RouteFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteBuilderLifecycleStrategy;
import org.apache.camel.model.Model;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Makes route files self-contained: every Camel context that has Caravan on its classpath gets the
 * route template {@value PaginatedHttpRouteTemplate#ID} and its fetch route before the first route
 * builder of the context (a route file, a Kamelet, a host's Java DSL) is configured, so before any
 * {@code templatedRoute} looks the template up and before any route starts. Camel finds this plugin
 * through {@code META-INF/services/org.apache.camel.spi.ContextServicePlugin} while it builds the
 * context, so plain camel-main, Camel JBang, a Spring Boot or an ESB host need no
 * {@code routes-builder-classes} setting. A template defines no route of its own: nothing runs until
 * a route file uses it.
 */
public final class CaravanContextPlugin implements ContextServicePlugin {

    private static final String BEAN = "caravanTemplateInstaller";

    @Override
    public void load(CamelContext context) {
        // The context's model does not exist yet while it is built: the template goes in when routes are first configured.
        context.getRegistry().bind(BEAN, RouteBuilderLifecycleStrategy.class, new TemplateInstaller());
        // Bound now, before the first route file is configured, so that errors in that file can name it too.
        RouteFiles.of(context, PaginatedHttpRouteTemplate.ID);
        context.getRegistry().bind("caravanKameletParameters", RouteBuilderLifecycleStrategy.class, new KameletParameters());
    }

    /** Adds the template to a route builder's context, once, before that builder is configured. */
    private static final class TemplateInstaller implements RouteBuilderLifecycleStrategy {

        @Override
        public void beforeConfigure(RouteBuilder builder) {
            if (builder instanceof PaginatedHttpRouteTemplate) {
                return;
            }
            CamelContext context = builder.getCamelContext();
            synchronized (this) {
                if (context.getCamelContextExtension().getContextPlugin(Model.class)
                        .getRouteTemplateDefinition(PaginatedHttpRouteTemplate.ID) != null) {
                    return;
                }
                try {
                    context.addRoutes(new PaginatedHttpRouteTemplate());
                } catch (Exception e) {
                    throw new IllegalStateException("Caravan could not add its route template to the Camel context", e);
                }
            }
        }
    }
}
