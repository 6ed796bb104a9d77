package io.caravan.app;

import io.caravan.config.ConfigurationException;
import io.caravan.request.SecretsInUse;
import io.caravan.sandbox.SandboxServer;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The application's commands; each returns the process exit code. */
final class Commands {

    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private Commands() {
    }

    /**
     * Runs the command; a configuration error (a route file's mistake, or Camel refusing to start
     * the routes) is one line on standard error and exit status 2, its stack trace at DEBUG.
     */
    static int run(String[] args) throws Exception {
        try {
            return command(args);
        } catch (ConfigurationException e) {
            LOG.debug("configuration error", e);
            System.err.println("caravan: configuration error: " + SecretsInUse.redact(e.getMessage()));
            return 2;
        }
    }

    private static int command(String[] args) throws Exception {
        String command = args.length == 0 ? "demo" : args[0];
        return switch (command) {
            case "demo" -> demo();
            case "run" -> new SourcesRunner().run(null);
            case "sandbox" -> sandbox(args);
            case "state" -> new StateCommand(System.out).run(args);
            default -> {
                System.err.println("usage: java -jar caravan.jar [demo | run | sandbox [--port N] | state list|show NAME|reset NAME]");
                yield 2;
            }
        };
    }

    /** The sandbox API on a free port, then the routes against it. */
    private static int demo() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0)) {
            System.out.println("Sandbox API listening on " + sandbox.url());
            return new SourcesRunner().run(sandbox.url());
        }
    }

    private static int sandbox(String[] args) throws Exception {
        int port = 8089;
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        SandboxServer sandbox = SandboxServer.start(port);
        System.out.println("Sandbox API listening on " + sandbox.url() + " (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
