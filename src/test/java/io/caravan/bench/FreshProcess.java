package io.caravan.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One peer of the cold benchmark as a command started afresh for every round: its wall time from
 * fork to exit, its peak resident memory (read by {@code /usr/bin/time} where the machine has it),
 * and what it printed. A peer that exits non-zero or runs past the bound fails the benchmark.
 */
record FreshProcess(String name, List<String> command, Map<String, String> environment, Path directory) {

    private static final Path TIME = Path.of("/usr/bin/time");
    private static final long BOUND_SECONDS = 600;

    /** What one run of the peer took. */
    record Run(double seconds, long peakRssKb, String output) {
    }

    Run run() throws Exception {
        Path rss = Files.createTempFile("caravan-bench", ".rss");
        List<String> line = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            line.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = Files.createTempFile("caravan-bench", ".log");
        builder.redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " ran past " + BOUND_SECONDS + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        long peak = timed ? parseRss(Files.readString(rss)) : -1;
        Files.delete(rss);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited " + process.exitValue() + ":" + File.separator + tail(output));
        }
        return new Run(seconds, peak, output);
    }

    private static long parseRss(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? -1 : Long.parseLong(lines.get(lines.size() - 1).strip());
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
