package io.caravan.config;

import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteBuilderLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.URISupport;

/**
 * Checks the parameters of every {@code kamelet:paginated-http-source} a route file starts from, as
 * the route template's are checked: a name the Kamelet does not have is one line naming the route,
 * its file and the nearest name. Camel passes such a name on without a word, and it is how a
 * {@code url} whose query holds {@code &} arrives cut: in an endpoint's parameters, Camel splits the
 * URL at its {@code &}, so {@code per_page=100} becomes a parameter of its own unless the URL is
 * written {@code RAW(…)}.
 */
public final class KameletParameters implements RouteBuilderLifecycleStrategy {

    /** The Kamelet's name. */
    public static final String KAMELET = "paginated-http-source";

    /** Options of the kamelet endpoint itself, which any Kamelet takes. */
    private static final Set<String> ENDPOINT_OPTIONS = Set.of("templateId", "routeId", "location", "bridgeErrorHandler",
            "block", "timeout", "failIfNoConsumers", "noErrorHandler", "exceptionHandler", "exchangePattern");

    @Override
    public void afterConfigure(RouteBuilder builder) {
        String file = builder.getResource() == null ? null : builder.getResource().getLocation().replaceFirst("^file:", "");
        for (RouteDefinition route : builder.getRouteCollection().getRoutes()) {
            String uri = route.getInput() == null ? null : route.getInput().getEndpointUri();
            if (uri != null && isTheKamelet(uri)) {
                check(uri, "route '" + route.getRouteId() + "'" + (file == null ? "" : " (" + file + ")"));
            }
        }
    }

    private static boolean isTheKamelet(String uri) {
        String name = uri.replaceFirst("^kamelet:(//)?", "");
        return uri.startsWith("kamelet:") && (name.equals(KAMELET) || name.startsWith(KAMELET + "?")
                || name.startsWith(KAMELET + "/"));
    }

    private static void check(String uri, String where) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return;
        }
        Map<String, Object> given;
        try {
            given = URISupport.parseQuery(uri.substring(query + 1), true, true);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(where + ": the parameters of kamelet:" + KAMELET + " cannot be read: "
                    + e.getMessage());
        }
        Object url = given.get(Parameters.URL.name());
        for (String name : given.keySet()) {
            if (Parameters.named(name) != null || ENDPOINT_OPTIONS.contains(name)) {
                continue;
            }
            String nearest = NearestName.of(name, Parameters.all().stream().map(Parameter::name).toList());
            if (nearest == null && url != null && url.toString().contains("?") && !url.toString().startsWith("RAW(")) {
                throw new ConfigurationException(where + ": '" + name + "' is not a property of the " + KAMELET
                        + " Kamelet: Camel cut the url at the '&' before it (write url: \"RAW(…)\")");
            }
            throw new ConfigurationException("unknown property '" + name + "' of the " + KAMELET + " Kamelet in " + where
                    + (nearest == null ? "" : ": did you mean '" + nearest + "'?"));
        }
    }
}
