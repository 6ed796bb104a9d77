package io.caravan.app;

import io.caravan.cluster.SourceLeadership;
import io.caravan.config.ConfigurationException;
import io.caravan.config.Parameters;
import io.caravan.run.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;

/**
 * Runs the routes with camel-main: settings from {@code caravan/application.properties}, then an
 * optional {@code application.properties} in the working directory, then environment variables.
 * When {@code caravan.exit-when-done} is true (the default) it stops once every source has run,
 * prints the summary and exits non-zero if any run failed. A SIGTERM stops every run at a page
 * boundary, with what it fetched committed (camel-main's graceful shutdown), and the summary still
 * names every source started: the JVM waits for it to be printed (a shutdown hook, bounded), and a
 * source whose run could not report in time is listed as stopped.
 */
final class SourcesRunner {

    /** Where the settings come from, in order of precedence (lowest first); environment variables override both. */
    /** How long a signal's shutdown waits for the summary: camel.main.shutdown-timeout (30 s here) and a margin. */
    private static final long SUMMARY_WAIT_SECONDS = 90;

    static final String PROPERTY_LOCATIONS = "classpath:caravan/application.properties,file:application.properties;optional=true";

    /** The route file patterns that replace {@code caravan.routes}, or {@code null}. */
    private final String routes;
    /** Where to write the summary as JSON, or {@code null}. */
    private final Path summaryJson;

    SourcesRunner(String routes, Path summaryJson) {
        this.routes = routes;
        this.summaryJson = summaryJson;
    }

    /** Runs the routes; {@code sandboxUrl}, when given, is offered to them as {@code caravan.sandbox.url}. */
    int run(String sandboxUrl) throws Exception {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTY_LOCATIONS);
        if (sandboxUrl != null) {
            main.addOverrideProperty("caravan.sandbox.url", sandboxUrl);
        }
        if (routes != null) {
            main.addOverrideProperty("caravan.routes", routes);
        }
        RunBoard board = new RunBoard(main::completed);
        main.bind("caravanRunBoard", board);
        AtomicReference<String> patterns = new AtomicReference<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport configuring) {
                patterns.set(configuring.getCamelContext().resolvePropertyPlaceholders("{{caravan.routes}}"));
                RoutePatterns.requireMatches(configuring.getCamelContext(), patterns.get());
                ObservePort.requireFree(configuring.getCamelContext());
                try {
                    ClusterServiceSetting.install(configuring.getCamelContext());
                } catch (ConfigurationException e) {
                    throw e;
                } catch (Exception e) {
                    throw new ConfigurationException("the cluster service could not be set up: " + e.getMessage(), e);
                }
            }

            @Override
            public void afterStart(BaseMainSupport started) {
                CamelContext context = started.getCamelContext();
                boolean exitWhenDone = Boolean.parseBoolean(
                        context.resolvePropertyPlaceholders("{{caravan.exit-when-done:true}}"));
                List<String> names = sourceNames(context);
                long sources = names.size();
                board.started(names);
                System.out.println("Caravan started " + sources + " source(s)");
                context.getRoutes().stream().filter(Route::isCreatedByRouteTemplate).filter(SourceLeadership::waiting)
                        .forEach(route -> System.out.println(route.getRouteId() + ": runs on the replica that leads it; waiting for"
                                + " the lead"));
                if (exitWhenDone) {
                    board.expect(sources);
                }
            }
        });
        CountDownLatch printed = new CountDownLatch(1);
        Thread awaitSummary = new Thread(() -> awaitQuietly(printed), "caravan-summary");
        Runtime.getRuntime().addShutdownHook(awaitSummary);
        try {
            main.run();
        } catch (Exception e) {
            printed.countDown();
            // Camel did not start the routes: a route file or a setting is wrong.
            throw ConfigurationException.startFailure(e);
        }
        try {
            if (board.startedNone()) {
                throw new ConfigurationException("the route files matching '" + patterns.get()
                        + "' define no source of the template");
            }
            int status = printSummary(board);
            if (summaryJson != null) {
                SummaryJson.write(summaryJson, status, board.summaries(), board.unreported());
            }
            return status;
        } finally {
            printed.countDown();
        }
    }

    /** Prints the summary; called before the latch the shutdown hook waits on is released. */
    private static int printSummary(RunBoard board) {
        List<RunSummary> summaries = board.summaries();
        System.out.println();
        System.out.println("Run summary");
        summaries.forEach(summary -> System.out.println("  " + summary.describe()));
        board.unreported().forEach(source -> System.out.println("  " + source + " stopped before its run could report"
                + " (the shutdown outlasted camel.main.shutdown-timeout): it resumes on the next run from its last checkpoint"));
        System.out.flush();
        return summaries.stream().allMatch(summary -> summary.failure() == null) ? 0 : 1;
    }

    /** The source names of the routes made from Caravan's template. */
    private static List<String> sourceNames(CamelContext context) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        return context.getRoutes().stream().filter(Route::isCreatedByRouteTemplate).map(route -> {
            RouteDefinition definition = model.getRouteDefinition(route.getRouteId());
            Object source = definition == null ? null : definition.getTemplateParameters().get(Parameters.SOURCE_NAME.name());
            return source == null ? route.getRouteId() : source.toString();
        }).toList();
    }

    /** A signal's shutdown waits for the summary, at most the graceful shutdown's time and a margin. */
    private static void awaitQuietly(CountDownLatch printed) {
        try {
            printed.await(SUMMARY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
