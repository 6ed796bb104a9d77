package io.caravan.app;

import io.caravan.config.ConfigurationException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

/**
 * The application's Camel cluster service, chosen by {@code caravan.cluster}: {@code none} (the
 * default: every source runs in this process); {@code file}, camel-file's lock service on a folder
 * the replicas of one host share ({@code caravan.cluster.root}); or {@code kubernetes},
 * camel-kubernetes' service on a Lease per source in the pod's namespace. Each gives a source to one
 * replica and, when that one dies, to another: within a few lock intervals
 * ({@code caravan.cluster.interval-ms}) for the file, once its lease ({@code caravan.cluster.lease-ms})
 * has expired on Kubernetes.
 */
final class ClusterServiceSetting {

    private final CamelContext context;

    private ClusterServiceSetting(CamelContext context) {
        this.context = context;
    }

    /** Adds the chosen cluster service to {@code context}, before its routes are created. */
    static void install(CamelContext context) throws Exception {
        new ClusterServiceSetting(context).install();
    }

    private void install() throws Exception {
        String choice = setting("caravan.cluster", "none");
        switch (choice) {
            case "none" -> {
            }
            case "file" -> context.addService(file());
            case "kubernetes" -> context.addService(kubernetes());
            default -> throw new ConfigurationException("caravan.cluster is '" + choice + "': one of none, file, kubernetes");
        }
    }

    private FileLockClusterService file() {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(member(false));
        service.setRoot(Path.of(setting("caravan.cluster.root", "./data/cluster")).toAbsolutePath().toString());
        service.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(millis("caravan.cluster.interval-ms", 2000), TimeUnit.MILLISECONDS);
        return service;
    }

    private KubernetesClusterService kubernetes() {
        KubernetesConfiguration api = new KubernetesConfiguration();
        String masterUrl = setting("caravan.cluster.kubernetes.master-url", "");
        if (!masterUrl.isEmpty()) {
            // Where the API server is when not in a pod; in one, the client finds it by itself.
            api.setMasterUrl(masterUrl);
        }
        KubernetesClusterService service = new KubernetesClusterService(api);
        service.setId(member(true));
        service.setPodName(member(true));
        service.setLeaseResourceType(LeaseResourceType.Lease);
        service.setKubernetesResourceName("caravan");
        String namespace = setting("caravan.cluster.kubernetes.namespace", "");
        if (!namespace.isEmpty()) {
            service.setKubernetesNamespace(namespace);
        }
        long lease = millis("caravan.cluster.lease-ms", 15_000);
        service.setLeaseDurationMillis(lease);
        service.setRenewDeadlineMillis(lease * 2 / 3);
        service.setRetryPeriodMillis(millis("caravan.cluster.interval-ms", 2000));
        return service;
    }

    /**
     * This replica's name among the others: {@code caravan.cluster.member}, else (in a pod) its host
     * name, else the process id, which replicas on one host do not share.
     */
    private String member(boolean pod) {
        String member = setting("caravan.cluster.member", "");
        String host = pod ? System.getenv("HOSTNAME") : null;
        return !member.isEmpty() ? member : host != null && !host.isBlank() ? host : "caravan-" + ProcessHandle.current().pid();
    }

    private String setting(String name, String defaultValue) {
        return context.resolvePropertyPlaceholders("{{" + name + ":" + defaultValue + "}}").strip();
    }

    private long millis(String name, long defaultValue) {
        String value = setting(name, Long.toString(defaultValue));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " is '" + value + "': expected milliseconds, a whole number");
        }
    }
}
