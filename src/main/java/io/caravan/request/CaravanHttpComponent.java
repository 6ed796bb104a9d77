package io.caravan.request;

import org.apache.camel.component.http.HttpComponent;

/**
 * The {@code caravan-http} component: camel-http with the HTTP client's silent automatic retries and
 * its redirect following turned off, so every retry is Caravan's own (counted, backed off, bounded)
 * and credentials are never sent on to another host. Found by Camel through its component
 * discovery file, so a host's own {@code http} component is left as it is.
 */
public class CaravanHttpComponent extends HttpComponent {

    public CaravanHttpComponent() {
        setAutomaticRetriesDisabled(true);
        setFollowRedirects(false);
    }
}
