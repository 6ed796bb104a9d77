package io.caravan.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.config.PagingSettings;
import io.caravan.config.SourceSettings;
import io.caravan.plan.Incremental;
import io.caravan.plan.SessionHandOver;
import io.caravan.request.PageRequest;
import io.caravan.request.RequestPreparer;
import io.caravan.response.ResponseStep;
import io.caravan.run.SessionRun;
import io.caravan.run.Source;
import io.caravan.state.RequestJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.util.CaseInsensitiveMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a page: selects its records and makes their rows, decides whether the session stops here and
 * why ({@link StopDecision}, a page repeating the one before it, an answer that means the end),
 * computes the next request with the paginator (which a {@link SessionHandOver} may hand to other
 * sessions), checks a session that ends against the totals the API announced, moves the session's
 * {@link RequestSequence} on, and leaves as the body the rows still to handle.
 */
public final class PageReader {

    /** Exchange property holding the bound a session's records are requested from (a newest-first feed stops past it). */
    public static final String BOUND = "CaravanBound";

    /** Exchange property holding the records of a page read on the thread that fetched it: streamed as parsed, or fetched ahead. */
    public static final String RECORDS = "CaravanPageRecords";
    /** Exchange property holding the API's answer to the request that means the end of the pages ({@code endOn}), if it gave one. */
    public static final String END_ANSWER = "CaravanEndAnswer";

    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);

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
        String pageKey = settings.load().checkpoints() ? pageKey(run.requests()) : null;
        String endAnswer = (String) exchange.removeProperty(END_ANSWER);
        Duration pause = (Duration) exchange.removeProperty(ResponseStep.PAUSE);
        if (pause != null) {
            run.retry().pauseFor(pause);
        }
        if (endAnswer != null) {
            run.advance(Optional.empty(), "the API answered " + endAnswer);
            run.rows().take(pageKey, List.of());
            endPage(exchange, run);
            return;
        }
        JsonNode body = exchange.getMessage().getMandatoryBody(JsonNode.class);
        PageRecords read = (PageRecords) exchange.removeProperty(RECORDS);
        if (read == null) {
            read = records(run.current(), body);
        }
        boolean endsWithoutRecords = read.endsWithoutRecords();
        List<Map<String, Object>> rows = read.rows();
        Page page = new Page(run.current(), new CaseInsensitiveMap(exchange.getMessage().getHeaders()), body, rows.size(),
                read.last(), read.received() - rows.size());
        PagingSettings paging = settings.paging();
        PagingTally tally = run.pageReceived(page, paging.stops().totals());
        source.meters().page();
        run.rows().take(pageKey, rows);
        Incremental incremental = settings.plan().incremental();
        Incremental.Span marks = incremental == null ? null : read.span();
        Optional<String> stop = endsWithoutRecords ? Optional.of("no records path in the page")
                : stops.reasonToStop(page, tally, marks, exchange.getProperty(BOUND, Long.class),
                        () -> paging.paginator().followsTheApi()
                                && paging.paginator().next(page, settings.request().following().base(page.request())).isPresent());
        Paginator paginator = paging.paginator();
        Optional<PageRequest> offered = stop.isPresent() ? Optional.empty()
                : paginator.next(page, settings.request().following().base(page.request()))
                        .map(settings.request()::withoutSecrets);
        if (stop.isEmpty() && run.rows().repeatsPrevious()) {
            stop = Optional.of(repeated(run, rows.size(), offered));
        }
        Optional<PageRequest> next = stop.isPresent() ? Optional.empty() : offered;
        String why = stop.orElseGet(() -> next.isEmpty() ? paginator.endReason(page) : null);
        Optional<PageRequest> following = handOver.afterPage(run, body, next);
        if (next.isPresent() && following.isEmpty()) {
            why = "the pages after it went to page ranges";
        }
        if (!rows.isEmpty() && !run.rows().repeatsPrevious()) {
            tally.followedBy(rows.size());
        }
        if (next.isPresent() && page.received() < paging.pageSize() && !rows.isEmpty()) {
            tally.shortPage(page.received());
        }
        if (following.isEmpty() && next.isEmpty() && checksTotals(run, stop)) {
            String shortfall = tally.shortfall(paging.stops().totals(), paging.pageSize());
            if (shortfall != null) {
                throw new IllegalStateException(shortfall);
            }
        }
        run.advance(following, why);
        if (!run.hasNext() && tally.largestShortPage() > 0) {
            run.end().note(String.format("the API returned at most %,d records per page of the %,d asked: it caps the page"
                    + " size", tally.largestShortPage(), paging.pageSize()));
        }
        if (!run.hasNext() && tally.followedPastAMissingFlag()) {
            run.end().note(paging.stops().hasMorePath() + " was missing on pages where the API still handed out a next page;"
                    + " those were followed (check hasMorePath)");
        }
        if (marks != null) {
            run.pageNewest(marks.newest());
        }
        endPage(exchange, run);
    }

    /**
     * Reads the records of the page on {@code exchange}, fetched ahead for the request it carries, on the
     * thread that fetched it, while the page before it lands; the page step then takes them. A body
     * they cannot be read from is left for the page step, which reports it as it would any page's.
     * Records streamed while the body was parsed are read already.
     */
    public void readAhead(Exchange exchange) {
        try {
            JsonNode body = exchange.getMessage().getBody(JsonNode.class);
            if (body != null && exchange.getProperty(END_ANSWER) == null && exchange.getProperty(RECORDS) == null) {
                exchange.setProperty(RECORDS, records(exchange.getProperty(RequestPreparer.REQUEST, PageRequest.class), body));
            }
        } catch (RuntimeException e) {
            exchange.removeProperty(RECORDS);
        }
    }

    /** The records of the page {@code request} was answered with and their rows, read from its body's tree. */
    private PageRecords records(PageRequest request, JsonNode body) {
        boolean endsWithoutRecords = stops.endsWithoutRecords(request, body);
        PageRecords.Reading reading = PageRecords.reading(source, request);
        if (!endsWithoutRecords && !stops.emptyWithoutRecords(body)) {
            settings.records().selector().select(body).forEach(reading::record);
        }
        return reading.done(endsWithoutRecords);
    }

    /**
     * Why the session ends at a page that repeats the one before it (or fails it, as configured). A
     * request sent again and answered with the same records, or a page whose next request is its own,
     * is a loop ({@code onRepeatedRequest}); another request answered with the previous page's records
     * is an API serving a page again ({@code onRepeatedPage}).
     */
    private String repeated(SessionRun run, int records, Optional<PageRequest> offered) {
        PagingSettings paging = settings.paging();
        int number = run.current().pageIndex() + 1;
        String current = run.requests().currentFingerprint();
        if (run.requests().currentRepeatsPrevious() || offered.filter(r -> r.fingerprint().equals(current)).isPresent()) {
            String loop = "the API led back to a request already sent (" + run.current().uri()
                    + ") and answered the same " + records + " records";
            if (!paging.stopOnRepeat()) {
                throw new IllegalStateException(loop + "; set onRepeatedRequest=stop if repeating is how it signals"
                        + " the end");
            }
            return loop;
        }
        String repeat = "page " + number + " repeats the page before it (the same " + records + " records)";
        if (paging.failOnRepeatedPage()) {
            throw new IllegalStateException(repeat + "; set onRepeatedPage=stop if that is how the API ends");
        }
        LOG.warn("{}: {}; ending the run there", source.name(), repeat);
        return repeat;
    }

    /** Whether a session ending here is checked against the announced totals: not after a soft cap, a mark or a range. */
    private static boolean checksTotals(SessionRun run, Optional<String> stop) {
        boolean softStop = stop.filter(reason -> reason.startsWith("stopAfter") || reason.startsWith("records older"))
                .isPresent();
        return !softStop && (run.session() == null || run.session().own() || run.session().slice() != null);
    }

    /** The key of the current page: its request's, and its position too when the request repeats (a scroll). */
    private static String pageKey(RequestSequence requests) {
        return RequestJson.pageKey(requests.currentFingerprint()
                + (requests.currentRepeatsPrevious() ? "#" + requests.current().pageIndex() : ""));
    }

    private static void endPage(Exchange exchange, SessionRun run) {
        // The response headers are read; dropping them spares every split copy of the page.
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(run.rows().left());
    }
}
