package io.caravan.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteBuilderLifecycleStrategy;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.model.TemplatedRouteParameterDefinition;

/**
 * Remembers which file each templated route of a template came from, so that a configuration error
 * can name it: Camel hands a route template's configurer the route, not the file. It is a
 * {@link RouteBuilderLifecycleStrategy} (found in the registry by every route builder) that reads
 * each loaded file's {@code templatedRoute}s after the file is configured.
 */
public final class RouteFiles implements RouteBuilderLifecycleStrategy {

    private static final String BEAN = "caravanRouteFiles";

    private final String templateId;
    private final Map<String, String> files = new ConcurrentHashMap<>();

    private RouteFiles(String templateId) {
        this.templateId = templateId;
    }

    /** The registry of {@code context}'s routes from the template {@code templateId}, bound on first use. */
    public static RouteFiles of(CamelContext context, String templateId) {
        synchronized (RouteFiles.class) {
            RouteFiles found = context.getRegistry().lookupByNameAndType(BEAN, RouteFiles.class);
            if (found == null) {
                found = new RouteFiles(templateId);
                context.getRegistry().bind(BEAN, RouteFiles.class, found);
            }
            return found;
        }
    }

    @Override
    public void afterConfigure(RouteBuilder builder) {
        if (builder.getResource() == null || builder.getTemplatedRouteCollection() == null) {
            return;
        }
        String location = builder.getResource().getLocation();
        String file = location.startsWith("file:") ? location.substring("file:".length()) : location;
        for (TemplatedRouteDefinition route : builder.getTemplatedRouteCollection().getTemplatedRoutes()) {
            if (!templateId.equals(route.getRouteTemplateRef())) {
                continue;
            }
            if (route.getRouteId() != null) {
                files.put(route.getRouteId(), file);
            }
            for (TemplatedRouteParameterDefinition parameter : route.getParameters()) {
                if (parameter.getName().equals(Parameters.SOURCE_NAME.name())) {
                    files.put(parameter.getValue(), file);
                }
            }
        }
    }

    /**
     * The route as errors name it: {@code route 'id' (routes/x.camel.yaml)}, the file when it is known
     * by the route id or the source name.
     */
    public String describe(String routeId, String source) {
        String file = routeId == null ? null : files.get(routeId);
        if (file == null && source != null) {
            file = files.get(source);
        }
        String route = routeId != null ? routeId : source;
        return "route '" + route + "'" + (file == null ? "" : " (" + file + ")");
    }
}
