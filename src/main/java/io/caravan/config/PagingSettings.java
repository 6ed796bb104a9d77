package io.caravan.config;

import static io.caravan.config.Parameters.END_ON;
import static io.caravan.config.Parameters.HAS_MORE_PATH;
import static io.caravan.config.Parameters.MAX_PAGES;
import static io.caravan.config.Parameters.ON_MISSING_RECORDS;
import static io.caravan.config.Parameters.ON_REPEATED_PAGE;
import static io.caravan.config.Parameters.ON_REPEATED_REQUEST;
import static io.caravan.config.Parameters.PAGE_SIZE;
import static io.caravan.config.Parameters.PAGINATION;
import static io.caravan.config.Parameters.RESTART_ON;
import static io.caravan.config.Parameters.STOP_AFTER_PAGES;
import static io.caravan.config.Parameters.STOP_AFTER_RECORDS;
import static io.caravan.config.Parameters.STOP_ON_EMPTY_PAGE;
import static io.caravan.config.Parameters.STOP_ON_SHORT_PAGE;
import static io.caravan.config.Parameters.TOTAL_PAGES_HEADER;
import static io.caravan.config.Parameters.TOTAL_PAGES_PATH;
import static io.caravan.config.Parameters.TOTAL_RECORDS_HEADER;
import static io.caravan.config.Parameters.TOTAL_RECORDS_PATH;
import static io.caravan.config.Parameters.TOTAL_RELATION_PATH;
import static io.caravan.config.Parameters.TOTAL_TOLERANCE;

import io.caravan.paging.MissingRecords;
import io.caravan.paging.Paginator;
import io.caravan.paging.StopConditions;
import io.caravan.paging.Totals;
import io.caravan.response.EndAnswers;
import io.caravan.request.PageRequest;
import io.caravan.response.RestartSignal;
import java.util.Set;
import org.apache.camel.CamelContext;

/**
 * How a source pages and when it stops.
 *
 * @param paginator            the pagination style
 * @param stops                the conditions that end a run
 * @param maxPages             the hard page cap
 * @param stopOnRepeat         whether a repeated request ends the run rather than failing it
 * @param onMissingRecords     what a page without the records path means
 * @param restartOn            the answer that restarts the pass (an expired cursor)
 * @param failOnRepeatedPage   whether a page repeating the one before it fails the run (true) or ends it
 * @param endOn                the answers that mean the end of the pages
 * @param pageSize             the page size asked for, or 0
 */
public record PagingSettings(Paginator paginator, StopConditions stops, int maxPages, boolean stopOnRepeat,
        MissingRecords onMissingRecords, RestartSignal restartOn, boolean failOnRepeatedPage, EndAnswers endOn,
        int pageSize) {

    /** Styles that page by number or offset: an empty page is their only end signal besides totals. */
    private static final Set<String> ADDRESSED_STYLES = Set.of("pageNumber", "offset");

    static PagingSettings read(SourceParameters p, CamelContext context, PageRequest first) {
        RestartSignal restartOn = p.parse(RESTART_ON, spec -> RestartSignal.parse(RESTART_ON.name(), spec));
        EndAnswers endOn = p.parse(END_ON, spec -> EndAnswers.of(SourceParameters.items(spec)));
        return new PagingSettings(PaginatorReader.read(p, context, first), stops(p), p.require(MAX_PAGES),
                p.require(ON_REPEATED_REQUEST).equals("stop"), MissingRecords.valueOf(p.require(ON_MISSING_RECORDS).toUpperCase()),
                restartOn == null ? RestartSignal.NONE : restartOn, p.require(ON_REPEATED_PAGE).equals("fail"),
                endOn == null ? EndAnswers.NONE : endOn, p.get(PAGE_SIZE, 0));
    }

    private static StopConditions stops(SourceParameters p) {
        String onEmpty = p.require(STOP_ON_EMPTY_PAGE);
        boolean stopOnEmpty = onEmpty.equals("auto") ? ADDRESSED_STYLES.contains(p.require(PAGINATION))
                : Boolean.parseBoolean(onEmpty);
        if (p.get(STOP_ON_SHORT_PAGE) && !p.has(PAGE_SIZE)) {
            throw p.contradiction("stopOnShortPage needs pageSize, to know a short page");
        }
        int shortPage = p.get(STOP_ON_SHORT_PAGE) ? p.get(PAGE_SIZE) : 0;
        Totals totals = new Totals(p.jsonPath(TOTAL_RECORDS_PATH), p.get(TOTAL_RECORDS_HEADER), p.jsonPath(TOTAL_PAGES_PATH),
                p.get(TOTAL_PAGES_HEADER), p.jsonPath(TOTAL_RELATION_PATH), p.require(TOTAL_TOLERANCE));
        return new StopConditions(stopOnEmpty, p.jsonPath(HAS_MORE_PATH), totals, shortPage, p.get(STOP_AFTER_PAGES, 0),
                p.get(STOP_AFTER_RECORDS, 0));
    }
}
