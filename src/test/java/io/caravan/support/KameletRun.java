package io.caravan.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * One run of the {@code paginated-http-source} Kamelet, used from a YAML route as Camel JBang or
 * Camel K would use it: from the Kamelet with {@code parameters}, each record to a
 * {@link RecordReceiver}; waits (bounded) for the run's summary.
 *
 * @param summary the run's summary
 * @param records what reached the sink
 */
public record KameletRun(RunSummary summary, LandedData records) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Runs the Kamelet once; {@code errorHandler} is the route's YAML error handler block, or empty. */
    public static KameletRun of(Map<String, ?> parameters, String errorHandler, Map<String, Object> beans) throws Exception {
        RecordReceiver received = new RecordReceiver();
        BlockingQueue<RunSummary> finished = new ArrayBlockingQueue<>(4);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("observer", (RunObserver) finished::add);
            context.getRegistry().bind("received", received);
            beans.forEach(context.getRegistry()::bind);
            String yaml = """
                    - route:
                    %s
                        from:
                          uri: "kamelet:paginated-http-source"
                          parameters: %s
                          steps:
                            - bean:
                                ref: received
                                method: add
                    """.formatted(errorHandler.indent(4).stripTrailing(), MAPPER.writeValueAsString(parameters));
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("kamelet-user.camel.yaml", yaml));
            context.start();
            RunSummary summary = finished.poll(60, TimeUnit.SECONDS);
            assertThat(summary).as("the Kamelet's run finished").isNotNull();
            return new KameletRun(summary, received.landed());
        }
    }
}
