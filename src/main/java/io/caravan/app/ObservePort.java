package io.caravan.app;

import io.caravan.config.ConfigurationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.apache.camel.CamelContext;

/**
 * The management port of {@code /observe}, checked before Camel opens it: a port another process
 * holds is one configuration line naming the setting, not the HTTP server's stack trace.
 */
final class ObservePort {

    private ObservePort() {
    }

    static void requireFree(CamelContext context) {
        if (!Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{caravan.observe.enabled:false}}").strip())) {
            return;
        }
        String port = context.resolvePropertyPlaceholders("{{caravan.observe.port:9876}}").strip();
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("caravan.observe.port '" + port + "' is not a port number");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(number));
        } catch (IOException inUse) {
            throw new ConfigurationException("the management port " + number + " (caravan.observe.port) is in use: "
                    + inUse.getMessage());
        }
    }
}
