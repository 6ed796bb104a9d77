package io.caravan.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code caravan}: with no command, the demo; {@code --help} and {@code --version} on every command. */
@Command(name = "caravan", mixinStandardHelpOptions = true, versionProvider = CaravanCommand.Version.class,
        description = "Walks every page of paginated HTTP APIs and lands every record once, resuming where it left off.",
        subcommands = {RunCommand.class, DemoCommand.class, SandboxCommand.class, StateCommand.class, PreviewCommand.class},
        footer = {"", "Exit status: 0 every source completed, 1 a source failed, 2 a usage or configuration error."})
final class CaravanCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return new DemoCommand().call();
    }

    /** The artifact's version (from the jar's manifest) and Camel's. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = CaravanCommand.class.getPackage().getImplementationVersion();
            String camel = camelVersion();
            return new String[] {"caravan " + (version == null ? "(development build)" : version)
                    + " (Apache Camel " + camel + ", Java " + Runtime.version() + ")"};
        }

        /** Camel's version, from its artifact's Maven properties (the runnable jar's manifest is Caravan's). */
        private static String camelVersion() {
            Properties camel = new Properties();
            try (InputStream in = CaravanCommand.class.getResourceAsStream("/META-INF/maven/org.apache.camel/camel-api/pom.properties")) {
                if (in != null) {
                    camel.load(in);
                }
            } catch (IOException e) {
                return "?";
            }
            return camel.getProperty("version", "?");
        }
    }
}
