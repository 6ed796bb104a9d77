package io.caravan.app;

import io.caravan.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The route files a run will load ({@code caravan.routes}: comma-separated {@code file:} or
 * {@code classpath:} patterns, {@code *} and {@code **} as in Camel's routes-include-pattern),
 * checked before Camel starts: a pattern that matches no file is a configuration error naming it.
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

    /** Fails unless some file of the local patterns exists (classpath patterns are Camel's to find). */
    static void requireMatches(String patterns) {
        boolean local = false;
        for (String pattern : patterns.split(",")) {
            String trimmed = pattern.strip();
            if (!trimmed.startsWith("file:")) {
                return;
            }
            local = true;
            if (matches(trimmed.substring("file:".length())) > 0) {
                return;
            }
        }
        if (local) {
            throw new ConfigurationException("no route files match '" + patterns + "' (in " + Path.of("").toAbsolutePath()
                    + "; set caravan.routes or name the files: run FILE...)");
        }
    }

    private static long matches(String glob) {
        int wildcard = glob.indexOf('*');
        if (wildcard < 0) {
            return Files.isRegularFile(Path.of(glob)) ? 1 : 0;
        }
        int slash = glob.lastIndexOf('/', wildcard);
        Path base = slash < 0 ? Path.of("") : Path.of(glob.substring(0, slash));
        if (!Files.isDirectory(base.toAbsolutePath())) {
            return 0;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.walk(base.toAbsolutePath().normalize(), glob.contains("**") ? Integer.MAX_VALUE : 1)) {
            Path root = Path.of("").toAbsolutePath();
            boolean absolute = Path.of(glob.substring(0, wildcard)).isAbsolute();
            return files.filter(Files::isRegularFile).map(file -> absolute ? file : root.relativize(file))
                    .filter(matcher::matches).count();
        } catch (IOException e) {
            throw new ConfigurationException("route files '" + glob + "' could not be listed: " + e.getMessage());
        }
    }
}
