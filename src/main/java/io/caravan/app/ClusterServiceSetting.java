package io.caravan.app;

import io.caravan.config.ConfigurationException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;

/**
 * The application's Camel cluster service, chosen by {@code caravan.cluster}: {@code none} (the
 * default: every source runs in this process), or {@code file}, camel-file's lock service on a
 * folder the replicas of one host share ({@code caravan.cluster.root}), which gives each source to
 * one replica and, when that one dies, to another within a few lock intervals
 * ({@code caravan.cluster.interval-ms}).
 */
final class ClusterServiceSetting {

    private ClusterServiceSetting() {
    }

    /** Adds the chosen cluster service to {@code context}, before its routes are created. */
    static void install(CamelContext context) throws Exception {
        String choice = context.resolvePropertyPlaceholders("{{caravan.cluster:none}}").strip();
        switch (choice) {
            case "none" -> {
            }
            case "file" -> {
                FileLockClusterService service = new FileLockClusterService();
                String member = context.resolvePropertyPlaceholders("{{caravan.cluster.member:}}").strip();
                service.setId(member.isEmpty() ? "caravan-" + ProcessHandle.current().pid() : member);
                service.setRoot(Path.of(context.resolvePropertyPlaceholders("{{caravan.cluster.root:./data/cluster}}"))
                        .toAbsolutePath().toString());
                long interval = Long.parseLong(context.resolvePropertyPlaceholders("{{caravan.cluster.interval-ms:2000}}"));
                service.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
                service.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
                context.addService(service);
            }
            default -> throw new ConfigurationException("caravan.cluster is '" + choice + "': one of none, file");
        }
    }
}
