package io.caravan.route;

import io.caravan.load.JdbcLandingTable;
import io.caravan.paging.LastRecordCursorPaginator;
import io.caravan.paging.LinkHeaderPaginator;
import io.caravan.paging.PageNumberPaginator;
import io.caravan.paging.Paginator;
import io.caravan.records.RecordKey;
import io.caravan.records.RecordSelector;
import io.caravan.request.PageRequest;
import java.util.function.Function;

/**
 * A source's configuration, read from the route template's parameters and validated once when
 * the route is created, so a wrong setting fails at startup rather than on page 37.
 *
 * @param source     the source's name (in progress lines, errors and summaries)
 * @param first      the first request, as configured
 * @param paginator  the pagination style
 * @param selector   where the records are in a page
 * @param key        the record key
 * @param maxPages   the hard page cap
 * @param batchSize  records per sink batch
 * @param dedupeWindow how many recent keys the run remembers to drop repeated records
 * @param table      the landing table of the default JDBC sink, or {@code null} with another sink
 * @param dataSource the name of the DataSource bean of the JDBC sink
 */
public record SourceSettings(String source, PageRequest first, Paginator paginator, RecordSelector selector,
        RecordKey key, int maxPages, int batchSize, int dedupeWindow, JdbcLandingTable table, String dataSource) {

    /** Reads the settings; {@code param} returns a template parameter's value (blank when unset). */
    public static SourceSettings from(Function<String, String> param) {
        String source = required(param, "source");
        PageRequest first = PageRequest.get(required(param, "url"));
        String pageSizeParam = param.apply("pageSizeParam");
        String pageSize = param.apply("pageSize");
        if (!isBlank(pageSizeParam) && !isBlank(pageSize)) {
            first = first.withQueryParam(pageSizeParam, pageSize);
        }
        String table = param.apply("table");
        return new SourceSettings(source, first, paginator(param),
                new RecordSelector(param.apply("recordsPath")),
                RecordKey.of(param.apply("keyPath")),
                positive(param, "maxPages"),
                positive(param, "batchSize"),
                positive(param, "dedupeWindow"),
                isBlank(table) ? null : new JdbcLandingTable(table),
                param.apply("dataSource"));
    }

    private static Paginator paginator(Function<String, String> param) {
        String style = required(param, "pagination");
        return switch (style) {
            case "pageNumber" -> new PageNumberPaginator(required(param, "pageParam"),
                    Integer.parseInt(required(param, "firstPage")), param.apply("totalPagesPath"));
            case "lastRecordCursor" -> new LastRecordCursorPaginator(required(param, "cursorParam"),
                    required(param, "cursorField"), param.apply("hasMorePath"));
            case "linkHeader" -> new LinkHeaderPaginator(required(param, "linkHeader"));
            default -> throw new IllegalArgumentException("unknown pagination '" + style
                    + "': use pageNumber, lastRecordCursor or linkHeader");
        };
    }

    private static String required(Function<String, String> param, String name) {
        String value = param.apply(name);
        if (isBlank(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' is required");
        }
        return value.trim();
    }

    private static int positive(Function<String, String> param, String name) {
        int value = Integer.parseInt(required(param, name));
        if (value < 1) {
            throw new IllegalArgumentException("parameter '" + name + "' must be at least 1, was " + value);
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
