package io.caravan.app;

import io.caravan.config.ConfigurationException;
import io.caravan.run.RunSummary;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs the routes with camel-main: settings from {@code caravan/application.properties}, then an
 * optional {@code application.properties} in the working directory, then environment variables.
 * When {@code caravan.exit-when-done} is true (the default) it stops once every source has run,
 * prints the summary and exits non-zero if any run failed. A SIGTERM stops every run at a page
 * boundary, with what it fetched committed (camel-main's graceful shutdown).
 */
final class SourcesRunner {

    /** Where the settings come from, in order of precedence (lowest first); environment variables override both. */
    static final String PROPERTY_LOCATIONS = "classpath:caravan/application.properties,file:application.properties;optional=true";

    /** Runs the routes; {@code sandboxUrl}, when given, is offered to them as {@code caravan.sandbox.url}. */
    int run(String sandboxUrl) throws Exception {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTY_LOCATIONS);
        if (sandboxUrl != null) {
            main.addOverrideProperty("caravan.sandbox.url", sandboxUrl);
        }
        RunBoard board = new RunBoard(main::completed);
        main.bind("caravanRunBoard", board);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                CamelContext context = started.getCamelContext();
                boolean exitWhenDone = Boolean.parseBoolean(
                        context.resolvePropertyPlaceholders("{{caravan.exit-when-done:true}}"));
                long sources = context.getRoutes().stream().filter(r -> r.isCreatedByRouteTemplate()).count();
                System.out.println("Caravan started " + sources + " source(s)");
                if (exitWhenDone) {
                    board.expect(sources);
                }
            }
        });
        try {
            main.run();
        } catch (Exception e) {
            // Camel did not start the routes: a route file or a setting is wrong.
            throw ConfigurationException.startFailure(e);
        }
        return printSummary(board.summaries());
    }

    private static int printSummary(List<RunSummary> summaries) {
        System.out.println();
        System.out.println("Run summary");
        summaries.forEach(summary -> System.out.println("  " + summary.describe()));
        return summaries.stream().allMatch(summary -> summary.failure() == null) ? 0 : 1;
    }
}
