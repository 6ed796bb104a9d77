package io.caravan.app;

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
 * prints the summary and exits non-zero if any run failed.
 */
final class SourcesRunner {

    /** Runs the routes; {@code sandboxUrl}, when given, is offered to them as {@code caravan.sandbox.url}. */
    int run(String sandboxUrl) throws Exception {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(
                "classpath:caravan/application.properties,file:application.properties;optional=true");
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
        main.run();
        return printSummary(board.summaries());
    }

    private static int printSummary(List<RunSummary> summaries) {
        System.out.println();
        System.out.println("Run summary");
        summaries.forEach(summary -> System.out.println("  " + summary.describe()));
        return summaries.stream().allMatch(RunSummary::completed) ? 0 : 1;
    }
}
