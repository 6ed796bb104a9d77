package io.caravan.app;

/**
 * {@code java -jar caravan.jar [demo | run [ROUTE_FILE…] | sandbox [--port N] | state list|show|reset]}:
 * with no command, the demo (the sandbox API plus the routes in {@code routes/}); see {@code --help}.
 */
public final class CaravanApplication {

    private CaravanApplication() {
    }

    public static void main(String[] args) {
        // The application's logging setup; a host application embedding the library keeps its own.
        System.setProperty("log4j2.configurationFile",
                System.getProperty("log4j2.configurationFile", "caravan/log4j2.properties"));
        SecretRedactingAppender.install();
        System.exit(Commands.run(args));
    }
}
