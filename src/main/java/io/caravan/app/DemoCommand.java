package io.caravan.app;

import io.caravan.sandbox.SandboxServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the sandbox API on a free port, then the route files against it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts the sandbox API on a free port and runs the route files against it (the default command).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the run's summary to FILE as JSON.")
    Path summaryJson;

    @Override
    public Integer call() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0)) {
            System.out.println("Sandbox API listening on " + sandbox.url());
            return new SourcesRunner(null, summaryJson).run(sandbox.url());
        }
    }
}
