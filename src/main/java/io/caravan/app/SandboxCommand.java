package io.caravan.app;

import io.caravan.sandbox.SandboxServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sandbox [--port N]}: serves the sandbox API until stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, description = "Serves the sandbox API on 127.0.0.1 until stopped.")
final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8089", description = "The port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
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
