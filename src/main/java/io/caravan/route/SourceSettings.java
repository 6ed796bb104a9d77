package io.caravan.route;

import io.caravan.load.JdbcLandingTable;
import io.caravan.load.SqlNames;
import io.caravan.paging.AddressedPaginator;
import io.caravan.paging.BodyCursorPaginator;
import io.caravan.paging.FollowingPages;
import io.caravan.paging.HeaderTokenPaginator;
import io.caravan.paging.LastRecordCursorPaginator;
import io.caravan.paging.LastRecordTimePaginator;
import io.caravan.paging.LinkHeaderPaginator;
import io.caravan.paging.NextUrlPaginator;
import io.caravan.paging.OffsetPaginator;
import io.caravan.paging.PageNumberPaginator;
import io.caravan.paging.Paginator;
import io.caravan.paging.StopConditions;
import io.caravan.paging.TemplatedPaginator;
import io.caravan.paging.TimeWindowPaginator;
import io.caravan.paging.ValuePlacement;
import io.caravan.plan.Axis;
import io.caravan.plan.Backfill;
import io.caravan.plan.BoundFormat;
import io.caravan.plan.Incremental;
import io.caravan.plan.ParallelPages;
import io.caravan.records.JsonPaths;
import io.caravan.records.RecordKey;
import io.caravan.records.RecordSelector;
import io.caravan.records.RowLayout;
import io.caravan.request.Credentials;
import io.caravan.request.HeaderCredentials;
import io.caravan.request.OAuth2ClientCredentials;
import io.caravan.request.PageRequest;
import io.caravan.request.QueryApiKey;
import io.caravan.request.SecretsInUse;
import io.caravan.response.RateLimitSignals;
import io.caravan.response.ResponseReader;
import io.caravan.response.RestartSignal;
import io.caravan.run.FlushPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.CamelContext;

/**
 * A source's configuration, read from the route template's parameters and validated once when
 * the route is created, so a wrong setting fails at startup rather than on page 37.
 *
 * @param source       the source's name (in progress lines, errors and summaries)
 * @param first        the first request, as configured
 * @param paginator    the pagination style
 * @param stops        the conditions that end a run
 * @param following    how requests after the first differ from it
 * @param selector     where the records are in a page
 * @param key          the record key
 * @param maxPages     the hard page cap
 * @param stopOnRepeat whether a repeated request ends the run rather than failing it
 * @param flush        when batches go to the sink
 * @param dedupeWindow how many recent keys the run remembers to drop repeated records
 * @param layout       the fields of a row beyond the fixed ones
 * @param table        the landing table of the default JDBC sink, or {@code null} with another sink
 * @param dataSource   the name of the DataSource bean of the JDBC sink and the checkpoints
 * @param checkpoints  whether runs commit checkpoints with their batches and resume from them
 * @param collectMax   in collect mode, the most records the run may return; 0 in stream mode
 * @param credentials  how requests to the source's origin are authenticated
 * @param reader       how a response body is read, within its size and depth limits
 * @param stopOnMissingRecords whether a later page without the records path ends the run (true) or fails it
 * @param restartOn    the answer that restarts the pass (an expired cursor)
 * @param rateLimits   how the API signals its rate limit
 * @param maxWait      the longest single wait for a rate limit; a longer one fails the run
 * @param requestsPerSecond the host's known limit (0: none), or where an adaptive budget starts
 * @param adaptiveRate whether the host's budget adapts to its 429s
 * @param maxConcurrentRequests the most requests in flight to the host at once (0: no limit)
 * @param otherOrigins origins besides the first URL's that next pages may be on (credentials never go there)
 * @param httpOptions  the camel-http endpoint options of every request (timeouts; the body as the raw stream,
 *                     so its size is limited while it is read)
 * @param incremental  the high-water mark and the bound each pass requests from, or {@code null}
 * @param backfill     the range walked as slices, or {@code null}
 * @param parallelPages how the pages after the first are fetched in parallel ranges, or {@code null}
 * @param concurrency  the most sessions (slices, page ranges) fetched at once
 */
public record SourceSettings(String source, PageRequest first, Paginator paginator, StopConditions stops,
        FollowingPages following, RecordSelector selector, RecordKey key, int maxPages, boolean stopOnRepeat,
        FlushPolicy flush, int dedupeWindow, RowLayout layout, JdbcLandingTable table, String dataSource,
        boolean checkpoints, int collectMax, Credentials credentials, ResponseReader reader,
        boolean stopOnMissingRecords, RestartSignal restartOn, RateLimitSignals rateLimits, Duration maxWait,
        int requestsPerSecond, boolean adaptiveRate, int maxConcurrentRequests, Set<String> otherOrigins,
        String httpOptions, Incremental incremental, Backfill backfill, ParallelPages parallelPages, int concurrency) {

    /** Whether the run returns all records to its caller instead of streaming them to the sink. */
    public boolean collects() {
        return collectMax > 0;
    }

    /** Styles that page by number or offset: an empty page is their only end signal besides totals. */
    private static final Set<String> ADDRESSED_STYLES = Set.of("pageNumber", "offset");

    /**
     * Reads the settings; {@code param} returns a template parameter's value (blank when unset), and
     * {@code context} compiles the templated paginator's expressions.
     */
    public static SourceSettings from(Function<String, String> param, CamelContext context) {
        String style = required(param, "pagination");
        PageRequest first = new PageRequest(required(param, "method").toUpperCase(), required(param, "url"),
                null, null, blankToNull(param.apply("body")), 0, null);
        if (first.body() != null) {
            first = first.withHeader("Content-Type", "application/json");
        }
        String pageSizeParam = param.apply("pageSizeParam");
        String pageSize = param.apply("pageSize");
        if (!isBlank(pageSizeParam) && !isBlank(pageSize)) {
            first = ValuePlacement.parse(pageSizeParam).apply(first, Long.parseLong(pageSize.trim())).withToken(null);
        }
        String table = param.apply("table");
        RowLayout layout = RowLayout.parse(param.apply("updatedAtPath"), param.apply("columns"), SqlNames::column);
        int collectMax = collectMax(param);
        Paginator paginator = paginator(style, param, context, first);
        int concurrency = positive(param, "concurrency");
        return new SourceSettings(required(param, "source"), first, paginator,
                stops(style, param),
                new FollowingPages(isBlank(param.apply("nextPagesUrl")) ? null
                        : first.uri().resolve(param.apply("nextPagesUrl").trim()).toString(), param.apply("nextPagesMethod"),
                        Boolean.parseBoolean(param.apply("replaceBodyOnNextPages"))),
                new RecordSelector(param.apply("recordsPath")),
                RecordKey.of(param.apply("keyPath")),
                positive(param, "maxPages"),
                onRepeat(param.apply("onRepeatedRequest")),
                new FlushPolicy(positive(param, "batchSize"), (int) count(param, "flushPages"),
                        count(param, "flushBytes"), Duration.ofSeconds(count(param, "flushSeconds"))),
                positive(param, "dedupeWindow"),
                layout,
                isBlank(table) ? null : new JdbcLandingTable(table, layout),
                param.apply("dataSource"),
                collectMax == 0 && Boolean.parseBoolean(required(param, "checkpoint")),
                collectMax,
                SecretsInUse.register(credentials(param)),
                new ResponseReader(positive(param, "maxResponseBytes"), positive(param, "maxJsonDepth")),
                onMissingRecords(param.apply("onMissingRecords")),
                RestartSignal.parse("restartOn", param.apply("restartOn")),
                new RateLimitSignals(Set.copyOf(list(required(param, "rateLimitStatuses")).stream().map(Integer::valueOf).toList()),
                        required(param, "rateLimitRemainingHeader"), required(param, "rateLimitResetHeader"),
                        (int) count(param, "rateLimitReserve")),
                Duration.ofSeconds(positive(param, "maxWaitSeconds")),
                (int) count(param, "requestsPerSecond"),
                Boolean.parseBoolean(required(param, "adaptiveRate")),
                (int) count(param, "maxConcurrentRequests"),
                origins(param.apply("allowedOrigins")),
                "connectTimeout=" + positive(param, "connectTimeoutMs") + "&responseTimeout="
                        + positive(param, "readTimeoutMs") + "&disableStreamCache=true",
                incremental(param), backfill(param), parallelPages(param, paginator, concurrency), concurrency);
    }

    private static Incremental incremental(Function<String, String> param) {
        String field = param.apply("incrementalField");
        if (isBlank(field)) {
            return null;
        }
        String lookback = isBlank(param.apply("lookback")) ? "PT0S" : param.apply("lookback").trim();
        Axis axis = Axis.ofLength(lookback);
        String start = param.apply("incrementalStart");
        String placement = param.apply("incrementalParam");
        return new Incremental(JsonPaths.compile(field.trim()), axis, isBlank(placement) ? null : ValuePlacement.parse(placement),
                BoundFormat.parse(param.apply("timeFormat")), axis.length(lookback),
                isBlank(start) ? null : axis.parse(start), Boolean.parseBoolean(param.apply("newestFirst")));
    }

    private static Backfill backfill(Function<String, String> param) {
        String step = param.apply("sliceStep");
        if (isBlank(step)) {
            return null;
        }
        Axis axis = Axis.ofLength(step);
        long length = axis.length(step);
        if (length < 1) {
            throw new IllegalArgumentException("sliceStep '" + step + "' must be longer than zero");
        }
        String minStep = param.apply("sliceMinStep");
        String until = param.apply("sliceUntil");
        if (axis == Axis.NUMBER && isBlank(until)) {
            throw new IllegalArgumentException("sliceUntil is required for a range of numbers (sliceStep " + step + ")");
        }
        return new Backfill(axis, axis.parse(required(param, "sliceFrom")), isBlank(until) ? null : axis.parse(until),
                length, isBlank(minStep) ? 1 : axis.length(minStep),
                ValuePlacement.parse(required(param, "sliceStartParam")), ValuePlacement.parse(required(param, "sliceEndParam")),
                BoundFormat.parse(param.apply("timeFormat")), count(param, "resultWindow"),
                RestartSignal.parse("resultWindowError", param.apply("resultWindowError")),
                isBlank(param.apply("totalRecordsPath")) ? null : JsonPaths.compile(param.apply("totalRecordsPath").trim()));
    }

    private static ParallelPages parallelPages(Function<String, String> param, Paginator paginator, int concurrency) {
        if (!Boolean.parseBoolean(param.apply("parallelPages"))) {
            return null;
        }
        if (!(paginator instanceof AddressedPaginator addressed)) {
            throw new IllegalArgumentException("parallelPages needs pages addressed directly: pagination pageNumber or offset");
        }
        String totalPages = param.apply("totalPagesPath");
        String totalRecords = param.apply("totalRecordsPath");
        if (isBlank(totalPages) && (isBlank(totalRecords) || isBlank(param.apply("pageSize")))) {
            throw new IllegalArgumentException("parallelPages needs totalPagesPath, or totalRecordsPath and pageSize,"
                    + " to know the pages from the first one");
        }
        return new ParallelPages(addressed, isBlank(totalPages) ? null : JsonPaths.compile(totalPages.trim()),
                isBlank(totalRecords) ? null : JsonPaths.compile(totalRecords.trim()),
                isBlank(param.apply("pageSize")) ? 0 : positive(param, "pageSize"), concurrency * 4);
    }

    private static Set<String> origins(String origins) {
        return Set.copyOf(list(origins).stream().map(origin -> PageRequest.get(origin).origin()).toList());
    }

    /** The items of a comma-separated parameter, trimmed; none when it is blank. */
    private static List<String> list(String value) {
        return isBlank(value) ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static boolean onMissingRecords(String value) {
        return switch (value == null || value.isBlank() ? "fail" : value.trim()) {
            case "fail" -> false;
            case "stop" -> true;
            default -> throw new IllegalArgumentException("onMissingRecords '" + value + "': use fail or stop");
        };
    }

    private static Credentials credentials(Function<String, String> param) {
        String auth = isBlank(param.apply("auth")) ? "none" : param.apply("auth").trim();
        return switch (auth) {
            case "none" -> Credentials.NONE;
            case "bearer" -> HeaderCredentials.bearer(required(param, "authToken"));
            case "basic" -> HeaderCredentials.basic(required(param, "authUser"), required(param, "authPassword"));
            case "apiKey" -> apiKey(required(param, "apiKeyParam"), required(param, "apiKey"));
            case "oauth2" -> new OAuth2ClientCredentials(URI.create(required(param, "tokenUrl")),
                    required(param, "clientId"), required(param, "clientSecret"), param.apply("scope"),
                    Clock.systemUTC());
            default -> throw new IllegalArgumentException("auth '" + auth + "': use none, bearer, basic, apiKey or oauth2");
        };
    }

    private static Credentials apiKey(String placement, String key) {
        if (placement.startsWith("header:")) {
            return HeaderCredentials.apiKey(placement.substring("header:".length()).trim(), key);
        }
        String name = placement.startsWith("query:") ? placement.substring("query:".length()).trim() : placement;
        if (name.isEmpty() || name.contains(":")) {
            throw new IllegalArgumentException("apiKeyParam '" + placement + "': use header:Name, query:name or a name");
        }
        return new QueryApiKey(name, key);
    }

    private static Paginator paginator(String style, Function<String, String> param, CamelContext context,
            PageRequest first) {
        return switch (style) {
            case "pageNumber" -> new PageNumberPaginator(placement(param, "pageParam"),
                    Integer.parseInt(required(param, "firstPage")));
            case "offset" -> new OffsetPaginator(placement(param, "offsetParam"), offsetStep(param));
            case "lastRecordCursor" -> new LastRecordCursorPaginator(placement(param, "cursorParam"),
                    required(param, "cursorField"));
            case "bodyCursor" -> new BodyCursorPaginator(required(param, "cursorPath"), placement(param, "cursorParam"));
            case "headerToken" -> new HeaderTokenPaginator(required(param, "tokenHeader"), placement(param, "cursorParam"));
            case "nextUrl" -> new NextUrlPaginator(required(param, "nextUrlPath"));
            case "linkHeader" -> new LinkHeaderPaginator(required(param, "linkHeader"));
            case "lastRecordTime" -> new LastRecordTimePaginator(placement(param, "startParam"),
                    required(param, "timeField"), param.apply("windowStart"));
            case "timeWindow" -> new TimeWindowPaginator(placement(param, "startParam"), placement(param, "endParam"),
                    Instant.parse(required(param, "windowStart")),
                    isBlank(param.apply("windowEnd")) ? null : Instant.parse(param.apply("windowEnd").trim()),
                    Duration.parse(required(param, "windowStep")),
                    isBlank(param.apply("pageSize")) ? 0 : positive(param, "pageSize"));
            case "templated" -> TemplatedPaginator.parse(required(param, "nextRequests"), context, first.uri());
            default -> throw new IllegalArgumentException("unknown pagination '" + style + "': use pageNumber, offset,"
                    + " lastRecordCursor, bodyCursor, headerToken, nextUrl, linkHeader, lastRecordTime, timeWindow"
                    + " or templated");
        };
    }

    private static StopConditions stops(String style, Function<String, String> param) {
        String onEmpty = required(param, "stopOnEmptyPage");
        boolean stopOnEmpty = onEmpty.equals("auto") ? ADDRESSED_STYLES.contains(style) : Boolean.parseBoolean(onEmpty);
        int shortPage = Boolean.parseBoolean(param.apply("stopOnShortPage")) ? positive(param, "pageSize") : 0;
        return new StopConditions(stopOnEmpty, param.apply("hasMorePath"), param.apply("totalPagesPath"),
                param.apply("totalRecordsPath"), shortPage, count(param, "stopAfterPages"), count(param, "stopAfterRecords"));
    }

    private static Integer offsetStep(Function<String, String> param) {
        String step = required(param, "offsetStep");
        return switch (step) {
            case "pageSize" -> positive(param, "pageSize");
            case "records" -> null;
            default -> throw new IllegalArgumentException("offsetStep '" + step + "': use pageSize or records");
        };
    }

    private static int collectMax(Function<String, String> param) {
        String mode = required(param, "mode");
        return switch (mode) {
            case "stream" -> 0;
            case "collect" -> positive(param, "collectMaxRecords");
            default -> throw new IllegalArgumentException("mode '" + mode + "': use stream or collect");
        };
    }

    private static boolean onRepeat(String value) {
        return switch (value == null ? "fail" : value.trim()) {
            case "fail" -> false;
            case "stop" -> true;
            default -> throw new IllegalArgumentException("onRepeatedRequest '" + value + "': use fail or stop");
        };
    }

    private static ValuePlacement placement(Function<String, String> param, String name) {
        return ValuePlacement.parsePaging(required(param, name));
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

    private static long count(Function<String, String> param, String name) {
        String value = param.apply(name);
        long count = isBlank(value) ? 0 : Long.parseLong(value.trim());
        if (count < 0) {
            throw new IllegalArgumentException("parameter '" + name + "' must not be negative, was " + count);
        }
        return count;
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
