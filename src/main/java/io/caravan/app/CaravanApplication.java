package io.caravan.app;

/**
 * {@code java -jar caravan.jar [demo | run | sandbox --port N]}: with no argument, the demo
 * (the sandbox API plus the routes in {@code routes/}); {@code run} runs the routes alone;
 * {@code sandbox} serves the sandbox API until stopped.
 */
public final class CaravanApplication {

    private CaravanApplication() {
    }

    public static void main(String[] args) throws Exception {
        // The application's logging setup; a host application embedding the library keeps its own.
        System.setProperty("log4j2.configurationFile",
                System.getProperty("log4j2.configurationFile", "caravan/log4j2.properties"));
        SecretRedactingAppender.install();
        System.exit(Commands.run(args));
    }
}
