package io.caravan.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.caravan.state.Checkpoint;
import io.caravan.state.CheckpointStore;
import io.caravan.state.FailedPages.FailedPage;
import io.caravan.state.RequestJson;
import io.caravan.state.RunStatus;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code state list | show NAME | reset NAME}: the checkpoints in the configured database (the
 * same settings as a run: {@code caravan.jdbc.*} from the properties files or the environment).
 */
@Command(name = "state", mixinStandardHelpOptions = true, description = "Shows or resets the sources' checkpoints.",
        subcommands = CommandLine.HelpCommand.class)
final class StateCommand {

    private final PrintStream out = System.out;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every source with state, and its sessions.")
    int list() throws Exception {
        try (HikariDataSource dataSource = configuredDataSource()) {
            return list(CheckpointStore.open(dataSource));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a source's checkpoint, sessions and failed pages.")
    int show(@Parameters(paramLabel = "NAME", description = "The source.") String source) throws Exception {
        try (HikariDataSource dataSource = configuredDataSource()) {
            return show(CheckpointStore.open(dataSource), source);
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Forgets a source's state: its next run starts from the first page.")
    int reset(@Parameters(paramLabel = "NAME", description = "The source.") String source) throws Exception {
        try (HikariDataSource dataSource = configuredDataSource()) {
            return reset(CheckpointStore.open(dataSource), source);
        }
    }

    private int list(CheckpointStore store) {
        List<Checkpoint> checkpoints = store.list();
        if (checkpoints.isEmpty()) {
            out.println("no source has state");
            return 0;
        }
        // Sessions of a source (slices, page ranges) are listed under it, as source/label.
        int width = Math.max(30, checkpoints.stream().mapToInt(c -> c.source().length()).max().orElse(0));
        out.printf("%-" + width + "s %-10s %10s %12s %10s %8s  %s%n", "SOURCE", "STATUS", "PAGES", "RECORDS", "NEXT PAGE",
                "FAILED", "UPDATED");
        for (Checkpoint c : checkpoints) {
            out.printf("%-" + width + "s %-10s %,10d %,12d %10s %8d  %s%n", c.source(), c.status(), c.pages(), c.records(),
                    c.next() == null ? "-" : Integer.toString(c.next().pageIndex() + 1),
                    store.failedPages().of(c.source()).size(), c.updatedAt());
        }
        return 0;
    }

    private int show(CheckpointStore store, String source) {
        Optional<Checkpoint> found = store.load(source);
        if (found.isEmpty()) {
            out.println("no state for source '" + source + "'");
            return 1;
        }
        Checkpoint c = found.get();
        out.println("source:          " + c.source());
        out.println("status:          " + c.status());
        out.println("pages landed:    " + c.pages());
        out.println("records landed:  " + c.records());
        out.println("next request:    " + (c.next() == null ? "none (the pass is complete)" : RequestJson.write(c.next())));
        if (c.pageRecordsDone() > 0) {
            out.println("in that page:    " + c.pageRecordsDone() + " records landed, the last with key " + c.pageLastKey());
        }
        if (c.highWaterMark() != null) {
            out.println("high-water mark: " + c.highWaterMark());
        }
        if (c.passMark() != null) {
            out.println("pass mark:       " + c.passMark() + " (the high-water mark once the whole pass has landed)");
        }
        List<Checkpoint> sessions = store.sessions(source);
        if (!sessions.isEmpty()) {
            Map<RunStatus, Long> byStatus = sessions.stream()
                    .collect(Collectors.groupingBy(Checkpoint::status, () -> new EnumMap<>(RunStatus.class), Collectors.counting()));
            out.println("sessions:        " + sessions.size() + " (" + byStatus.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + "; state list shows each)");
        }
        if (c.error() != null) {
            out.println("error:           " + c.error());
        }
        out.println("updated:         " + c.updatedAt());
        for (FailedPage page : store.failedPages().of(source)) {
            out.println("failed page:     " + (page.request().pageIndex() + 1) + " " + RequestJson.write(page.request())
                    + (page.status() == null ? "" : " HTTP " + page.status()) + " " + page.error());
        }
        return 0;
    }

    private int reset(CheckpointStore store, String source) {
        boolean had = store.reset(source);
        out.println(had ? "state of source '" + source + "' reset: its next run starts from the first page"
                : "no state for source '" + source + "'");
        return 0;
    }

    /** The DataSource a run would use, from the same property files and environment. */
    private static HikariDataSource configuredDataSource() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation(SourcesRunner.PROPERTY_LOCATIONS);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(context.resolvePropertyPlaceholders("{{caravan.jdbc.url}}"));
            config.setUsername(context.resolvePropertyPlaceholders("{{caravan.jdbc.user}}"));
            config.setPassword(context.resolvePropertyPlaceholders("{{caravan.jdbc.password}}"));
            config.setMaximumPoolSize(1);
            config.setConnectionTimeout(10_000);
            return new HikariDataSource(config);
        }
    }
}
