package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.config.SourceSettings;
import io.caravan.plan.Incremental;
import io.caravan.plan.SessionHandOver;
import io.caravan.request.PageRequest;
import io.caravan.run.SessionRun;
import io.caravan.run.Source;
import io.caravan.state.RequestJson;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.util.CaseInsensitiveMap;

/**
 * Reads a page: selects its records, decides whether the session stops here ({@link StopDecision}),
 * computes the next request with the paginator (which a {@link SessionHandOver} may hand to other
 * sessions), moves the session's {@link RequestSequence} on, and leaves as the body the rows still
 * to handle (none for a page that landed earlier in the pass).
 */
public final class PageReader {

    /** Exchange property holding the bound a session's records are requested from (a newest-first feed stops past it). */
    public static final String BOUND = "CaravanBound";

    private final Source source;
    private final SourceSettings settings;
    private final StopDecision stops;
    private final SessionHandOver handOver;

    public PageReader(Source source, SessionHandOver handOver) {
        this.source = source;
        this.settings = source.settings();
        this.stops = new StopDecision(settings.paging(), settings.records().selector(), settings.plan().incremental());
        this.handOver = handOver;
    }

    /** Reads the page on {@code exchange}. */
    public void read(Exchange exchange) throws Exception {
        SessionRun run = SessionRun.of(exchange);
        JsonNode body = exchange.getMessage().getMandatoryBody(JsonNode.class);
        boolean endsWithoutRecords = stops.endsWithoutRecords(run.current(), body);
        List<JsonNode> records = endsWithoutRecords ? List.of() : settings.records().selector().select(body);
        Page page = new Page(run.current(), new CaseInsensitiveMap(exchange.getMessage().getHeaders()), body, records);
        PagingTally tally = run.pageReceived(page);
        Incremental incremental = settings.plan().incremental();
        Incremental.Span marks = incremental == null ? null : incremental.span(records);
        Optional<String> stop = endsWithoutRecords ? Optional.of("no records path in the page")
                : stops.reasonToStop(page, tally, marks, exchange.getProperty(BOUND, Long.class));
        Paginator paginator = settings.paging().paginator();
        Optional<PageRequest> next = stop.isPresent() ? Optional.empty()
                : paginator.next(page, settings.request().following().base(page.request()));
        String why = stop.orElseGet(() -> next.isEmpty() ? paginator.endReason(page) : null);
        Optional<PageRequest> following = handOver.afterPage(run, body, next);
        if (next.isPresent() && following.isEmpty()) {
            why = "the pages after it went to page ranges";
        }
        run.advance(following, why);
        if (marks != null) {
            run.pageNewest(marks.newest());
        }
        String pageKey = settings.load().checkpoints() ? RequestJson.pageKey(run.requests().currentFingerprint()) : null;
        // The response headers are read; dropping them spares every split copy of the page.
        exchange.getMessage().getHeaders().clear();
        run.pageRows(pageKey, source.rows().rows(records));
        exchange.getMessage().setBody(run.pageRowsLeft());
    }
}
