package io.caravan.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.caravan.run.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * {@code run --summary-json FILE}: the run's summary for schedulers and CI, one object per source
 * with how it ended and its counts, and the process's exit status.
 */
final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    static void write(Path file, int exitStatus, List<RunSummary> summaries, List<String> unreported) throws IOException {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (RunSummary summary : summaries) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("source", summary.source());
            source.put("outcome", summary.failure() != null ? "failed" : summary.stopped() ? "stopped" : "completed");
            source.put("pages", summary.pages());
            source.put("recordsLoaded", summary.recordsLoaded());
            source.put("repeatsDropped", summary.shiftedRecords());
            source.put("quarantined", summary.quarantined());
            source.put("retries", summary.retries());
            source.put("seconds", summary.elapsed().toMillis() / 1000.0);
            source.put("resumedAtPage", summary.resumedAtPage());
            source.put("sessions", summary.sessions());
            source.put("ended", summary.ended());
            source.put("failure", summary.failure());
            sources.add(source);
        }
        for (String source : unreported) {
            sources.add(Map.of("source", source, "outcome", "unreported"));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exitStatus", exitStatus);
        document.put("sources", sources);
        MAPPER.writeValue(file.toFile(), document);
    }
}
