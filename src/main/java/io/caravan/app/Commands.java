package io.caravan.app;

import io.caravan.sandbox.SandboxServer;
import java.util.concurrent.CountDownLatch;

/** The application's commands; each returns the process exit code. */
final class Commands {

    private Commands() {
    }

    static int run(String[] args) throws Exception {
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
