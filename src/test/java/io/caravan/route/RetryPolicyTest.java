package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.junit.jupiter.api.Test;

/** The page retries back off exponentially, with jitter, up to a cap. */
class RetryPolicyTest {

    @Test
    void retriesBackOffExponentiallyWithJitterUpToACap() throws Exception {
        List<OnExceptionDefinition> handlers;
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new PaginatedHttpRouteTemplate());
            handlers = context.getCamelContextExtension().getContextPlugin(Model.class)
                    .getRouteTemplateDefinition(PaginatedHttpRouteTemplate.ID).getRoute().getOutputs().stream()
                    .filter(OnExceptionDefinition.class::isInstance).map(OnExceptionDefinition.class::cast).toList();
        }

        RedeliveryPolicyDefinition retries = handlers.get(0).getRedeliveryPolicyType();
        assertThat(retries.getUseExponentialBackOff()).isEqualTo("true");
        assertThat(retries.getBackOffMultiplier()).isEqualTo("2.0");
        assertThat(retries.getUseCollisionAvoidance()).isEqualTo("true");
        assertThat(retries.getCollisionAvoidanceFactor()).isEqualTo("0.15");
        assertThat(retries.getMaximumRedeliveryDelay()).isEqualTo("30000");
        assertThat(retries.getMaximumRedeliveries()).isEqualTo("{{maxRetries}}");
    }
}
