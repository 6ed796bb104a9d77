package io.caravan.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run [ROUTE_FILE…]}: the sources of the route files, once each (or on their schedules). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the sources of the route files: those named, or those matching caravan.routes (file:routes/*.camel.yaml).")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ROUTE_FILE", arity = "0..*", description = "Route files to run instead of caravan.routes.")
    List<Path> routeFiles = List.of();

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the run's summary to FILE as JSON.")
    Path summaryJson;

    @Override
    public Integer call() throws Exception {
        String routes = routeFiles.isEmpty() ? null : RoutePatterns.ofFiles(routeFiles);
        return new SourcesRunner(routes, summaryJson).run(null);
    }
}
