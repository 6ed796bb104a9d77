package io.caravan.support;

import io.caravan.route.PaginatedHttpRouteTemplate;
import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import io.caravan.state.CheckpointStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A real Camel context holding the Caravan route template, with a DataSource bound as
 * {@code caravanDataSource}; sources are added from the template and run synchronously through a
 * {@code direct:} trigger.
 */
public final class CaravanHarness implements AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();
    private final List<RunSummary> summaries = new CopyOnWriteArrayList<>();

    private final DataSource dataSource;

    public CaravanHarness(DataSource dataSource) throws Exception {
        this.dataSource = dataSource;
        context.getRegistry().bind("caravanDataSource", dataSource);
        context.getRegistry().bind("testObserver", (RunObserver) summaries::add);
        context.addRoutes(new PaginatedHttpRouteTemplate());
        context.start();
    }

    public CamelContext context() {
        return context;
    }

    /**
     * Adds a source from the template, triggered by {@code direct:<source>}, with no state left from
     * an earlier test in the same database.
     */
    public void addSource(String source, Map<String, String> parameters) throws Exception {
        checkpoints().reset(source);
        addRoute(source, parameters);
    }

    /** Replaces a source's route with one of other parameters, keeping its state (a route file edited between runs). */
    public void replaceSource(String source, Map<String, String> parameters) throws Exception {
        context.getRouteController().stopRoute(source);
        context.removeRoute(source);
        addRoute(source, parameters);
    }

    private void addRoute(String source, Map<String, String> parameters) throws Exception {
        TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(context, PaginatedHttpRouteTemplate.ID)
                .routeId(source)
                .parameter("source", source)
                .parameter("trigger", "direct:" + source);
        parameters.forEach(builder::parameter);
        builder.add();
    }

    /** Runs a source to its end and returns its summary; a failed run throws. Each run must publish one summary. */
    public RunSummary run(String source) {
        long before = summariesOf(source);
        try {
            context.createProducerTemplate().sendBody("direct:" + source, null);
        } finally {
            long published = summariesOf(source) - before;
            if (published != 1) {
                throw new AssertionError("a run of " + source + " published " + published + " summaries, expected 1");
            }
        }
        return lastSummary(source);
    }

    private long summariesOf(String source) {
        return summaries.stream().filter(s -> s.source().equals(source)).count();
    }

    /** The checkpoint store of the harness's database. */
    public CheckpointStore checkpoints() throws SQLException {
        return CheckpointStore.open(dataSource);
    }

    /** The summary of the source's last run. */
    public RunSummary lastSummary(String source) {
        for (int i = summaries.size() - 1; i >= 0; i--) {
            if (summaries.get(i).source().equals(source)) {
                return summaries.get(i);
            }
        }
        throw new AssertionError("no run of " + source + " finished");
    }

    @Override
    public void close() {
        context.stop();
    }
}
