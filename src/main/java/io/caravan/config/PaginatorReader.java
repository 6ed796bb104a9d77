package io.caravan.config;

import static io.caravan.config.Parameters.CONTINUE_FROM;
import static io.caravan.config.Parameters.CURSOR_FIELD;
import static io.caravan.config.Parameters.CURSOR_FORMAT;
import static io.caravan.config.Parameters.CURSOR_INCLUSIVE;
import static io.caravan.config.Parameters.CURSOR_SUCCESSOR;
import static io.caravan.config.Parameters.CURSOR_PARAM;
import static io.caravan.config.Parameters.CURSOR_PATH;
import static io.caravan.config.Parameters.END_PARAM;
import static io.caravan.config.Parameters.FIRST_PAGE;
import static io.caravan.config.Parameters.LINK_HEADER;
import static io.caravan.config.Parameters.NEXT_REQUESTS;
import static io.caravan.config.Parameters.NEXT_URL_PATH;
import static io.caravan.config.Parameters.OFFSET_PARAM;
import static io.caravan.config.Parameters.OFFSET_STEP;
import static io.caravan.config.Parameters.PAGE_PARAM;
import static io.caravan.config.Parameters.PAGE_SIZE;
import static io.caravan.config.Parameters.PAGINATION;
import static io.caravan.config.Parameters.START_PARAM;
import static io.caravan.config.Parameters.TIME_FIELD;
import static io.caravan.config.Parameters.TOKEN_HEADER;
import static io.caravan.config.Parameters.WINDOW_END;
import static io.caravan.config.Parameters.WINDOW_START;
import static io.caravan.config.Parameters.WINDOW_STEP;

import io.caravan.paging.BodyCursorPaginator;
import io.caravan.paging.ContinuationPaginator;
import io.caravan.paging.KeySuccessor;
import io.caravan.paging.HeaderTokenPaginator;
import io.caravan.paging.LastRecordCursorPaginator;
import io.caravan.paging.LastRecordTimePaginator;
import io.caravan.paging.LinkHeaderPaginator;
import io.caravan.paging.NextUrlPaginator;
import io.caravan.paging.OffsetPaginator;
import io.caravan.paging.PageNumberPaginator;
import io.caravan.paging.Paginator;
import io.caravan.paging.TemplatedPaginator;
import io.caravan.paging.TimeWindowPaginator;
import io.caravan.paging.ValuePlacement;
import io.caravan.request.PageRequest;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;

/** Reads the {@code pagination} style and the parameters of that style into its {@link Paginator}. */
final class PaginatorReader {

    private PaginatorReader() {
    }

    static Paginator read(SourceParameters p, CamelContext context, PageRequest first) {
        return switch (p.require(PAGINATION)) {
            case "pageNumber" -> new PageNumberPaginator(placement(p, PAGE_PARAM), p.require(FIRST_PAGE));
            case "offset" -> new OffsetPaginator(placement(p, OFFSET_PARAM), offsetStep(p));
            case "lastRecordCursor" -> lastRecordCursor(p);
            case "bodyCursor" -> new BodyCursorPaginator(required(p, CURSOR_PATH), cursorPlacement(p));
            case "headerToken" -> new HeaderTokenPaginator(p.require(TOKEN_HEADER), cursorPlacement(p));
            case "continuation" -> new ContinuationPaginator(required(p, CONTINUE_FROM));
            case "nextUrl" -> new NextUrlPaginator(required(p, NEXT_URL_PATH));
            case "linkHeader" -> new LinkHeaderPaginator(p.require(LINK_HEADER));
            case "lastRecordTime" -> new LastRecordTimePaginator(placement(p, START_PARAM), p.require(TIME_FIELD),
                    p.get(WINDOW_START));
            case "timeWindow" -> new TimeWindowPaginator(placement(p, START_PARAM), placement(p, END_PARAM),
                    p.parseRequired(WINDOW_START, Instant::parse), p.parse(WINDOW_END, Instant::parse),
                    p.parseRequired(WINDOW_STEP, Duration::parse), p.get(PAGE_SIZE, 0));
            default -> p.parseRequired(NEXT_REQUESTS, rules -> TemplatedPaginator.parse(rules, context, first.uri()));
        };
    }

    private static Paginator lastRecordCursor(SourceParameters p) {
        boolean inclusive = p.get(CURSOR_INCLUSIVE);
        KeySuccessor successor = KeySuccessor.parse(p.require(CURSOR_SUCCESSOR));
        if (inclusive && successor != KeySuccessor.NONE) {
            throw p.contradiction("cursorInclusive true and cursorSuccessor " + p.require(CURSOR_SUCCESSOR)
                    + " contradict each other: an inclusive cursor is sent as it is, and the repeated record dropped");
        }
        return new LastRecordCursorPaginator(cursorPlacement(p), p.jsonPath(CURSOR_FIELD), inclusive, successor);
    }

    /** Where the cursor goes, as text or, with {@code cursorFormat json}, as JSON text. */
    private static ValuePlacement cursorPlacement(SourceParameters p) {
        ValuePlacement placement = placement(p, CURSOR_PARAM);
        return p.require(CURSOR_FORMAT).equals("json") ? placement.asJson() : placement;
    }

    private static Integer offsetStep(SourceParameters p) {
        if (p.require(OFFSET_STEP).equals("records")) {
            return null;
        }
        if (!p.has(PAGE_SIZE)) {
            throw p.contradiction("offsetStep pageSize needs pageSize (or offsetStep records)");
        }
        return p.get(PAGE_SIZE);
    }

    private static String required(SourceParameters p, Parameter<String> path) {
        p.require(path);
        return p.jsonPath(path);
    }

    private static ValuePlacement placement(SourceParameters p, Parameter<String> parameter) {
        return p.parseRequired(parameter, ValuePlacement::parsePaging);
    }
}
