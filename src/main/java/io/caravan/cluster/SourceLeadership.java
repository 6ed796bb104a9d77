package io.caravan.cluster;

import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Where a source runs when several replicas share its state: only on the replica that leads the
 * source's namespace ({@code caravan-<source>}) in the context's Camel cluster service, so that
 * different sources may be led by different replicas and a replica that dies is replaced by another,
 * which resumes from the shared checkpoint. Without a cluster service, every source runs where it is;
 * so does a source whose pass the replicas share ({@code sharePass}), leased a session at a time
 * ({@link SharedPass}) rather than led.
 */
public final class SourceLeadership {

    /** The prefix of a source's namespace in the cluster service. */
    public static final String NAMESPACE_PREFIX = "caravan-";

    private SourceLeadership() {
    }

    /**
     * The route policy of {@code source}'s route in {@code context}: Camel's {@link ClusteredRoutePolicy}
     * for its namespace when the context has a cluster service (added to it, or bound in its registry)
     * and the source's pass is not {@code shared} among the replicas, else one that changes nothing.
     */
    public static RoutePolicy of(CamelContext context, String source, boolean shared) {
        if (shared || !clustered(context)) {
            return new RoutePolicySupport() {
            };
        }
        try {
            return ClusteredRoutePolicy.forNamespace(context, NAMESPACE_PREFIX + source);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }

    /** Whether {@code route} waits for its source's namespace, led by another replica. */
    public static boolean waiting(Route route) {
        return route.getRoutePolicyList().stream().anyMatch(policy -> policy instanceof ClusteredRoutePolicy clustered
                && !clustered.isLeader());
    }

    private static boolean clustered(CamelContext context) {
        Set<CamelClusterService> bound = context.getRegistry().findByType(CamelClusterService.class);
        return context.hasService(CamelClusterService.class) != null || !bound.isEmpty();
    }
}
