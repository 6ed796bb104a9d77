package io.caravan.app;

import io.caravan.config.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PackageScanResourceResolver;
import org.apache.camel.support.PluginHelper;

/**
 * The route files a run will load ({@code caravan.routes}: comma-separated {@code file:} or
 * {@code classpath:} patterns, as Camel's routes-include-pattern), checked before Camel loads them:
 * patterns that match no file are a configuration error naming them.
 */
final class RoutePatterns {

    private RoutePatterns() {
    }

    /** The pattern for the files named on the command line; each must exist. */
    static String ofFiles(List<Path> files) {
        List<String> patterns = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException("no such route file: " + file);
            }
            patterns.add("file:" + file);
        }
        return String.join(",", patterns);
    }

    /**
     * Fails unless the patterns match some file, found by Camel's own resource resolver (the one that
     * loads them), naming the patterns and the working directory when none does.
     */
    static void requireMatches(CamelContext context, String patterns) {
        PackageScanResourceResolver resolver = PluginHelper.getPackageScanResourceResolver(context);
        for (String pattern : patterns.split(",")) {
            try {
                if (!resolver.findResources(pattern.strip()).isEmpty()) {
                    return;
                }
            } catch (Exception missing) {
                // A folder that is not there matches nothing (Camel's resolver says so by throwing).
            }
        }
        throw new ConfigurationException("no route files match '" + patterns + "' (in " + Path.of("").toAbsolutePath()
                + "; set caravan.routes or name the files: run FILE...)");
    }
}
