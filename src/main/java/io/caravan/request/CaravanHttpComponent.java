package io.caravan.request;

import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;

/**
 * The {@code caravan-http} component: camel-http with the HTTP client's silent automatic retries and
 * its redirect following turned off, so every retry is Caravan's own (counted, backed off, bounded)
 * and credentials are never sent on to another host; and with connections whose responses keep the
 * {@link ResponseGuard} of their request (a deadline for the whole response, a bound on its headers).
 * Found by Camel through its component discovery file, so a host's own {@code http} component is
 * left as it is.
 */
public class CaravanHttpComponent extends HttpComponent {

    public CaravanHttpComponent() {
        setAutomaticRetriesDisabled(true);
        setFollowRedirects(false);
    }

    /** As camel-http's own pool, with connections that parse response heads within their guard. */
    @Override
    protected HttpClientConnectionManager createConnectionManager(Registry<ConnectionSocketFactory> registry,
            int maxTotalConnections, int connectionsPerRoute, SocketConfig socketConfig) {
        PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager(registry,
                PoolConcurrencyPolicy.STRICT, TimeValue.ofMilliseconds(getConnectionTimeToLive()),
                ManagedHttpClientConnectionFactory.builder().responseParserFactory(GuardedResponseParser.FACTORY).build());
        int total = maxTotalConnections != 0 ? maxTotalConnections : getMaxTotalConnections();
        if (total > 0) {
            manager.setMaxTotal(total);
        }
        manager.setDefaultSocketConfig(socketConfig);
        int perRoute = connectionsPerRoute != 0 ? connectionsPerRoute : getConnectionsPerRoute();
        if (perRoute > 0) {
            manager.setDefaultMaxPerRoute(perRoute);
        }
        return manager;
    }
}
