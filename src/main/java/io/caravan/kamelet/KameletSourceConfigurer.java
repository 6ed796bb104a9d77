package io.caravan.kamelet;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurer;

/**
 * Binds Kamelet properties into a {@link KameletSource} by name, the way Camel's generated configurers
 * bind component options (found through {@code META-INF/services/org/apache/camel/configurer/}).
 */
public final class KameletSourceConfigurer implements PropertyConfigurer {

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        ((KameletSource) target).property(name, value == null ? null : value.toString());
        return true;
    }
}
