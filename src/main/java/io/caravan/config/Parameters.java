package io.caravan.config;

import static io.caravan.config.ParameterGroup.CREDENTIALS;
import static io.caravan.config.ParameterGroup.LIMITS;
import static io.caravan.config.ParameterGroup.LOAD;
import static io.caravan.config.ParameterGroup.PAGING;
import static io.caravan.config.ParameterGroup.PLAN;
import static io.caravan.config.ParameterGroup.RECORDS;
import static io.caravan.config.ParameterGroup.REQUEST;
import static io.caravan.config.ParameterGroup.SOURCE;
import static io.caravan.config.ParameterGroup.STOP;
import static io.caravan.config.ParameterKind.DURATION;
import static io.caravan.config.ParameterKind.ENDPOINT;
import static io.caravan.config.ParameterKind.JSON_PATH;
import static io.caravan.config.ParameterKind.PLACEMENT;
import static io.caravan.config.Parameter.bool;
import static io.caravan.config.Parameter.choice;
import static io.caravan.config.Parameter.integer;
import static io.caravan.config.Parameter.longInteger;
import static io.caravan.config.Parameter.of;
import static io.caravan.config.Parameter.text;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of a source, the single source of truth: the route template declares these, the
 * settings are read through them, and the Kamelet's properties and the parameter reference are derived
 * from them (checked equal by {@code ParameterDocsTest}). Examples are written as Markdown table cells.
 */
public final class Parameters {

    // source
    public static final Parameter<String> SOURCE_NAME = text("source", SOURCE, "Name of the source: in progress lines, errors and summaries").asRequired()
            .withExample("`github-issues`");
    public static final Parameter<String> URL = text("url", SOURCE, "URL of the first page").asRequired()
            .withExample("`https://api.github.com/repos/o/r/issues?state=all`");
    public static final Parameter<String> PAGINATION = choice("pagination", SOURCE, "How the API pages", "pageNumber", "offset", "lastRecordCursor", "bodyCursor", "headerToken", "nextUrl", "linkHeader", "lastRecordTime", "timeWindow", "continuation", "templated").asRequired()
            .withExample("`linkHeader`");
    public static final Parameter<String> TRIGGER = of("trigger", SOURCE, ENDPOINT, "Endpoint that starts a run").orElse("timer:{{source}}?repeatCount=1&delay=0")
            .withExample("`quartz:caravan/gh?cron=0+0/15+*+*+*+?&stateful=true`");
    // request
    public static final Parameter<String> METHOD = text("method", REQUEST, "HTTP method of the first request").orElse("GET")
            .withExample("`POST`");
    public static final Parameter<String> BODY = text("body", REQUEST, "JSON body of the first request")
            .withExample("`{\"path\": \"\", \"limit\": 100}`");
    public static final Parameter<String> HEADERS = text("headers", REQUEST, "Fixed headers of every request, one `Name: value` per line, overriding defaults such as Accept; a credential-named header (Authorization, *token*, *key* …) or a value from a {{placeholder}} is a secret, sent only to url's origin").asSecret()
            .withExample("`Accept: application/vnd.github.v3+json` (one line each)");
    public static final Parameter<String> NEXT_PAGES_URL = text("nextPagesUrl", REQUEST, "Endpoint of the pages after the first (absolute, or relative to url)")
            .withExample("`list_folder/continue`");
    public static final Parameter<String> NEXT_PAGES_METHOD = text("nextPagesMethod", REQUEST, "HTTP method of the pages after the first")
            .withExample("`POST`");
    public static final Parameter<Boolean> REPLACE_BODY_ON_NEXT_PAGES = bool("replaceBodyOnNextPages", REQUEST, "Start the body of later pages afresh")
            .withExample("`true`");
    public static final Parameter<String> PAGE_SIZE_PARAM = of("pageSizeParam", REQUEST, PLACEMENT, "Where the page size goes (query name, header:N, body:path)")
            .withExample("`per_page`, `header:limit`, `body:page_size`");
    public static final Parameter<Integer> PAGE_SIZE = integer("pageSize", REQUEST, "Page size to ask for").atLeast(1)
            .withExample("`100`");
    public static final Parameter<String> ALLOWED_ORIGINS = text("allowedOrigins", REQUEST, "Other origins next pages may be on, comma-separated (no credentials go there)")
            .withExample("`https://files.example.com`");
    public static final Parameter<Integer> CONNECT_TIMEOUT_MS = integer("connectTimeoutMs", REQUEST, "HTTP connect timeout").orElse("10000").atLeast(1)
            .withExample("`5000`");
    public static final Parameter<Integer> READ_TIMEOUT_MS = integer("readTimeoutMs", REQUEST, "The longest wait for the next bytes of a response (per read)").orElse("30000").atLeast(1)
            .withExample("`60000`");
    public static final Parameter<Integer> RESPONSE_TIMEOUT_MS = integer("responseTimeoutMs", REQUEST, "The longest a whole response may take, headers to last byte; a slower one fails and is retried like a timeout").orElse("120000").atLeast(1)
            .withExample("`300000`");
    // paging
    public static final Parameter<String> PAGE_PARAM = of("pageParam", PAGING, PLACEMENT, "pageNumber: where the page number goes").orElse("page")
            .withExample("`page`, `header:X-Page`");
    public static final Parameter<Integer> FIRST_PAGE = integer("firstPage", PAGING, "pageNumber: number of the first page (0 or 1)").orElse("1").atLeast(Long.MIN_VALUE)
            .withExample("`0`");
    public static final Parameter<String> OFFSET_PARAM = of("offsetParam", PAGING, PLACEMENT, "offset: where the offset goes").orElse("offset")
            .withExample("`startAt`, `header:offset`");
    public static final Parameter<String> OFFSET_STEP = choice("offsetStep", PAGING, "offset: advance by pageSize or by the records returned", "pageSize", "records").orElse("pageSize")
            .withExample("`records`");
    public static final Parameter<String> CURSOR_PARAM = of("cursorParam", PAGING, PLACEMENT, "Cursor styles: where the cursor or token goes").orElse("cursor")
            .withExample("`starting_after`, `body:start_cursor`, `header:X-Page-Token`");
    public static final Parameter<String> CURSOR_FORMAT = choice("cursorFormat", PAGING, "Cursor styles: a cursor in the query or a header as text, or as JSON text (\"abc\", [1,\"x\"]); in a JSON body it keeps its type", "text", "json").orElse("text")
            .withExample("`json`");
    public static final Parameter<Boolean> CURSOR_INCLUSIVE = bool("cursorInclusive", PAGING, "lastRecordCursor: the next page starts at the last key (startkey): its first record is dropped, and a page with nothing after it ends the run")
            .withExample("`true`");
    public static final Parameter<String> CURSOR_SUCCESSOR = choice("cursorSuccessor", PAGING, "lastRecordCursor: send the least key after the last one: number (+1), string or base64 (+ a zero byte)", "none", "number", "string", "base64").orElse("none")
            .withExample("`base64`");
    public static final Parameter<String> CURSOR_FIELD = of("cursorField", PAGING, JSON_PATH, "lastRecordCursor: JSONPath in a record of the cursor value").orElse("id")
            .withExample("`$.id`");
    public static final Parameter<String> CURSOR_PATH = of("cursorPath", PAGING, JSON_PATH, "bodyCursor: JSONPath to the next cursor in the body")
            .withExample("`$.response_metadata.next_cursor`");
    public static final Parameter<String> TOKEN_HEADER = text("tokenHeader", PAGING, "headerToken: response header carrying the next token")
            .withExample("`X-Next-Page-Token`");
    public static final Parameter<String> NEXT_URL_PATH = of("nextUrlPath", PAGING, JSON_PATH, "nextUrl: JSONPath to the next page's URL in the body")
            .withExample("`$['@odata.nextLink']`");
    public static final Parameter<String> CONTINUE_FROM = of("continueFrom", PAGING, JSON_PATH, "continuation: JSONPath to the object whose every key goes into the next query, replacing the previous one's")
            .withExample("`$.continue`");
    public static final Parameter<String> LINK_HEADER = text("linkHeader", PAGING, "linkHeader: the response header with RFC 8288 links").orElse("Link")
            .withExample("`Link`");
    public static final Parameter<String> TIME_FIELD = of("timeField", PAGING, JSON_PATH, "lastRecordTime: JSONPath in a record of its timestamp").orElse("updated_at")
            .withExample("`$.updated_at`");
    public static final Parameter<String> START_PARAM = of("startParam", PAGING, PLACEMENT, "Time styles: where the start time goes").orElse("start_time")
            .withExample("`start_time`");
    public static final Parameter<String> END_PARAM = of("endParam", PAGING, PLACEMENT, "timeWindow: where a window's end goes").orElse("end_time")
            .withExample("`end_time`");
    public static final Parameter<String> WINDOW_START = text("windowStart", PAGING, "Time styles: the first start time (ISO-8601 instant)")
            .withExample("`2024-01-01T00:00:00Z`");
    public static final Parameter<String> WINDOW_END = text("windowEnd", PAGING, "timeWindow: the end of the last window (default: now, read as the run goes)")
            .withExample("`2024-02-01T00:00:00Z`");
    public static final Parameter<String> WINDOW_STEP = of("windowStep", PAGING, DURATION, "timeWindow: the length of a window (ISO-8601 duration, e.g. P1D)")
            .withExample("`P1D`, `PT6H`");
    public static final Parameter<String> NEXT_REQUESTS = text("nextRequests", PAGING, "templated: JSON array of rules building the next request")
            .withExample("see *Templated*");
    public static final Parameter<String> ON_REPEATED_REQUEST = choice("onRepeatedRequest", PAGING, "A request repeating one already sent: fail or stop", "fail", "stop").orElse("fail")
            .withExample("`stop`");
    public static final Parameter<String> ON_REPEATED_PAGE = choice("onRepeatedPage", PAGING, "A page holding the same records as the one before it (an API serving its last page again): stop or fail", "stop", "fail").orElse("stop")
            .withExample("`fail`");
    public static final Parameter<String> END_ON = text("endOn", PAGING, "Answers that mean the end, comma-separated status[:body text]: the run ends there, successfully")
            .withExample("`400:page_out_of_range`, `404`");
    public static final Parameter<Integer> MAX_PAGES = integer("maxPages", PAGING, "Hard page cap: the run fails if the API offers more").orElse("10000").atLeast(1)
            .withExample("`1000000`");
    public static final Parameter<String> RESTART_ON = text("restartOn", PAGING, "The answer meaning an expired cursor (status[:body text]): restart the pass")
            .withExample("`400:cursor expired`");
    // stop
    public static final Parameter<String> STOP_ON_EMPTY_PAGE = choice("stopOnEmptyPage", STOP, "Stop on an empty page: auto (pageNumber, offset), true, false", "auto", "true", "false").orElse("auto")
            .withExample("`true`");
    public static final Parameter<String> HAS_MORE_PATH = of("hasMorePath", STOP, JSON_PATH, "Stop when the flag at this JSONPath is false, \"false\" or 0, or missing (APIs that omit false)")
            .withExample("`$.has_more`");
    public static final Parameter<String> TOTAL_PAGES_PATH = of("totalPagesPath", STOP, JSON_PATH, "Total pages announced (JSONPath, read once): a stop, and checked when the run ends")
            .withExample("`$.page.totalPages`");
    public static final Parameter<String> TOTAL_RECORDS_PATH = of("totalRecordsPath", STOP, JSON_PATH, "Total records announced (JSONPath, read once): a stop, and checked when the run ends")
            .withExample("`$.total`");
    public static final Parameter<String> TOTAL_RECORDS_HEADER = text("totalRecordsHeader", STOP, "Response header with the total number of records: a stop, and checked when the run ends")
            .withExample("`X-Total-Count`");
    public static final Parameter<String> TOTAL_PAGES_HEADER = text("totalPagesHeader", STOP, "Response header with the total number of pages: a stop, and checked when the run ends")
            .withExample("`X-Total-Pages`");
    public static final Parameter<String> TOTAL_RELATION_PATH = of("totalRelationPath", STOP, JSON_PATH, "JSONPath of the total's relation: gte or gt marks a lower bound, never a stop or an exact count")
            .withExample("`$.hits.total.relation`");
    public static final Parameter<Integer> TOTAL_TOLERANCE = integer("totalTolerance", STOP, "Records (or pages) a run may end short of the announced total, for data that changes under it").orElse("0")
            .withExample("`10`");
    public static final Parameter<Boolean> STOP_ON_SHORT_PAGE = bool("stopOnShortPage", STOP, "Stop on a page with fewer than pageSize records")
            .withExample("`true`");
    public static final Parameter<Integer> STOP_AFTER_PAGES = integer("stopAfterPages", STOP, "Stop (successfully) after this many pages")
            .withExample("`10`");
    public static final Parameter<Integer> STOP_AFTER_RECORDS = integer("stopAfterRecords", STOP, "Stop (successfully) after this many records")
            .withExample("`500`");
    public static final Parameter<String> ON_MISSING_RECORDS = choice("onMissingRecords", STOP, "A later page without the records path: fail or stop; empty: any page without it holds no records (APIs that leave out empty arrays)", "fail", "stop", "empty").orElse("fail")
            .withExample("`stop`");
    // records
    public static final Parameter<String> RECORDS_PATH = of("recordsPath", RECORDS, JSON_PATH, "JSONPath to the array of records").orElse("$")
            .withExample("`$._embedded.conversations`");
    public static final Parameter<String> KEY_PATH = of("keyPath", RECORDS, JSON_PATH, "JSONPath to a record's key; blank: a hash of the record")
            .withExample("`$.id`");
    public static final Parameter<Integer> DEDUPE_WINDOW = integer("dedupeWindow", RECORDS, "Recent record keys remembered to drop repeats").orElse("100000").atLeast(1)
            .withExample("`1000000`");
    public static final Parameter<String> UPDATED_AT_PATH = of("updatedAtPath", RECORDS, JSON_PATH, "JSONPath of the record's update time, landed as updated_at").notInKamelet()
            .withExample("`$.updated_at`");
    public static final Parameter<String> COLUMNS = text("columns", RECORDS, "Extra landing columns: name=$.json.path, comma-separated").notInKamelet()
            .withExample("`email=$.email, total=$.amount`");
    // load
    public static final Parameter<String> MODE = choice("mode", LOAD, "stream: batches to the sink; collect: return all records to the caller", "stream", "collect").orElse("stream").notInKamelet()
            .withExample("`collect`");
    public static final Parameter<Integer> COLLECT_MAX_RECORDS = integer("collectMaxRecords", LOAD, "collect: the most records returned; more fails the run").orElse("10000").atLeast(1).notInKamelet()
            .withExample("`500`");
    public static final Parameter<Integer> BATCH_SIZE = integer("batchSize", LOAD, "Flush a batch to the sink at this many records").orElse("1000").atLeast(1).notInKamelet()
            .withExample("`5000`");
    public static final Parameter<Integer> FLUSH_PAGES = integer("flushPages", LOAD, "Flush at a page end once the batch spans this many pages (0: no limit)").orElse("0").notInKamelet()
            .withExample("`10`");
    public static final Parameter<Long> FLUSH_BYTES = longInteger("flushBytes", LOAD, "Flush once the batch holds this many bytes of record JSON (0: no limit)").orElse("16777216").notInKamelet()
            .withExample("`4194304`");
    public static final Parameter<Integer> FLUSH_SECONDS = integer("flushSeconds", LOAD, "Flush at a page end once the batch is this old (0: no limit)").orElse("30").notInKamelet()
            .withExample("`5`");
    public static final Parameter<Boolean> CHECKPOINT = bool("checkpoint", LOAD, "Commit a checkpoint with every batch and resume from it (stream mode)").orElse("true").notInKamelet()
            .withExample("`false`");
    public static final Parameter<String> TABLE = text("table", LOAD, "Landing table of the default JDBC sink; without one, the source name with every character other than a letter, digit or _ made _").notInKamelet()
            .withExample("`github_issues`");
    public static final Parameter<String> DATA_SOURCE = text("dataSource", LOAD, "DataSource bean of the JDBC sink and the checkpoints").orElse("caravanDataSource").notInKamelet()
            .withExample("`warehouse`");
    public static final Parameter<String> ON_BAD_RECORD = choice("onBadRecord", LOAD, "A record the database refuses (a NUL in a string for jsonb, a constraint): quarantine (into caravan_quarantine, the run goes on) or fail", "quarantine", "fail").orElse("quarantine").notInKamelet()
            .withExample("`fail`");
    public static final Parameter<Integer> DB_TIMEOUT_MS = integer("dbTimeoutMs", LOAD, "The longest wait for the database: a connection, a statement or a commit").orElse("30000").atLeast(1).notInKamelet()
            .withExample("`10000`");
    public static final Parameter<String> SINK = of("sink", LOAD, ENDPOINT, "Endpoint receiving each batch (a List of row maps)").orElse("sql:caravan-upsert?dataSource=#{{dataSource}}&batch=true").notInKamelet()
            .withExample("`kafka:records`");
    // limits
    public static final Parameter<Integer> MAX_RETRIES = integer("maxRetries", LIMITS, "Retries of a page after 429, 5xx or an I/O error").orElse("5").notInKamelet()
            .withExample("`8`");
    public static final Parameter<Boolean> PREFETCH = bool("prefetch", PLAN, "Send the next page's request as soon as its token is known, while the current page is landed (one page ahead)").orElse("true")
            .withExample("`false`");
    public static final Parameter<Integer> RETRY_DELAY_MS = integer("retryDelayMs", LIMITS, "First retry delay; doubles on each retry").orElse("200").notInKamelet()
            .withExample("`1000`");
    public static final Parameter<Integer> MAX_RESPONSE_BYTES = integer("maxResponseBytes", LIMITS, "The largest response body read (bytes); a larger one fails the run").orElse("52428800").atLeast(1)
            .withExample("`10485760`");
    public static final Parameter<Integer> MAX_JSON_DEPTH = integer("maxJsonDepth", LIMITS, "The deepest JSON nesting read; deeper fails the run").orElse("200").atLeast(1)
            .withExample("`64`");
    public static final Parameter<Integer> MAX_JSON_STRING_LENGTH = integer("maxJsonStringLength", LIMITS, "The longest JSON string read (characters); longer fails the run").orElse("20000000").atLeast(1)
            .withExample("`100000000`");
    public static final Parameter<Integer> MAX_JSON_NUMBER_LENGTH = integer("maxJsonNumberLength", LIMITS, "The longest JSON number read (characters); longer fails the run").orElse("1000").atLeast(1)
            .withExample("`5000`");
    public static final Parameter<Integer> MAX_JSON_NAME_LENGTH = integer("maxJsonNameLength", LIMITS, "The longest JSON field name read (characters); longer fails the run").orElse("50000").atLeast(1)
            .withExample("`1000`");
    public static final Parameter<Integer> MAX_HEADER_BYTES = integer("maxHeaderBytes", LIMITS, "The largest block of response headers read (bytes); larger fails the run").orElse("65536").atLeast(1024)
            .withExample("`262144`");
    public static final Parameter<String> RATE_LIMIT_STATUSES = text("rateLimitStatuses", LIMITS, "Statuses meaning rate limited, comma-separated (e.g. 429,403)").orElse("429")
            .withExample("`429,403`");
    public static final Parameter<String> RATE_LIMIT_REMAINING_HEADER = text("rateLimitRemainingHeader", LIMITS, "Header with the requests left in the window").orElse("X-RateLimit-Remaining")
            .withExample("`ratelimit-remaining`");
    public static final Parameter<String> RATE_LIMIT_RESET_HEADER = text("rateLimitResetHeader", LIMITS, "Header with the window's reset (epoch or seconds from now)").orElse("X-RateLimit-Reset")
            .withExample("`ratelimit-reset`");
    public static final Parameter<Integer> RATE_LIMIT_RESERVE = integer("rateLimitReserve", LIMITS, "Pause until the reset once this few requests are left").orElse("0")
            .withExample("`2`");
    public static final Parameter<Integer> REQUESTS_PER_SECOND = integer("requestsPerSecond", LIMITS, "The API host's limit, shared by every source calling it (0: none)").orElse("0")
            .withExample("`10`");
    public static final Parameter<Boolean> ADAPTIVE_RATE = bool("adaptiveRate", LIMITS, "Find the host's unknown limit: halve on 429, grow on success")
            .withExample("`true`");
    public static final Parameter<Integer> MAX_CONCURRENT_REQUESTS = integer("maxConcurrentRequests", LIMITS, "The most requests in flight to the API host at once (0: no limit)").orElse("0")
            .withExample("`4`");
    public static final Parameter<Integer> MAX_WAIT_SECONDS = integer("maxWaitSeconds", LIMITS, "The longest wait for a rate limit; a longer one fails the run").orElse("300").atLeast(1)
            .withExample("`900`");
    // credentials
    public static final Parameter<String> AUTH = choice("auth", CREDENTIALS, "How requests are authenticated", "none", "bearer", "basic", "apiKey", "oauth2").orElse("none")
            .withExample("`bearer`");
    public static final Parameter<String> AUTH_TOKEN = text("authToken", CREDENTIALS, "bearer: the token").asSecret()
            .withExample("`{{env:GITHUB_TOKEN}}`");
    public static final Parameter<String> AUTH_USER = text("authUser", CREDENTIALS, "basic, oauth2 password: the user")
            .withExample("`reports`");
    public static final Parameter<String> AUTH_PASSWORD = text("authPassword", CREDENTIALS, "basic, oauth2 password: the password").asSecret()
            .withExample("`{{env:API_PASSWORD}}`");
    public static final Parameter<String> API_KEY_PARAM = text("apiKeyParam", CREDENTIALS, "apiKey: where the key goes: header:Name or query:name")
            .withExample("`header:X-Api-Key`");
    public static final Parameter<String> API_KEY = text("apiKey", CREDENTIALS, "apiKey: the key").asSecret()
            .withExample("`{{api-key}}` (a mounted secret file)");
    public static final Parameter<String> GRANT_TYPE = choice("grantType", CREDENTIALS, "oauth2: the grant: clientCredentials, password (authUser, authPassword) or refreshToken", "clientCredentials", "password", "refreshToken").orElse("clientCredentials")
            .withExample("`password`");
    public static final Parameter<String> TOKEN_URL = text("tokenUrl", CREDENTIALS, "oauth2: the token endpoint")
            .withExample("`https://login.example.com/oauth2/token`");
    public static final Parameter<String> CLIENT_ID = text("clientId", CREDENTIALS, "oauth2: the client id")
            .withExample("`caravan`");
    public static final Parameter<String> CLIENT_SECRET = text("clientSecret", CREDENTIALS, "oauth2: the client secret (none: a public client)").asSecret()
            .withExample("`{{env:CLIENT_SECRET}}`");
    public static final Parameter<String> TOKEN_PARAMS = text("tokenParams", CREDENTIALS, "oauth2: more form fields of the token request, name=value, comma-separated")
            .withExample("`audience=https://api.example.com`");
    public static final Parameter<String> CLIENT_AUTH = choice("clientAuth", CREDENTIALS, "oauth2: the client's id and secret as HTTP basic or in the form body", "basic", "body").orElse("basic")
            .withExample("`body`");
    public static final Parameter<String> REFRESH_TOKEN = text("refreshToken", CREDENTIALS, "oauth2 refreshToken: the refresh token (a rotated one is kept for the run)").asSecret()
            .withExample("`{{env:REFRESH_TOKEN}}`");
    public static final Parameter<String> SCOPE = text("scope", CREDENTIALS, "oauth2: the scope to ask for")
            .withExample("`read:all`");
    // plan
    public static final Parameter<String> INCREMENTAL_FIELD = of("incrementalField", PLAN, JSON_PATH, "Incremental: JSONPath in a record of its high-water mark (updated_at, an id)").notInKamelet()
            .withExample("`$.updated_at`");
    public static final Parameter<String> INCREMENTAL_PARAM = of("incrementalParam", PLAN, PLACEMENT, "Incremental: where the bound goes (query name, header:N, body:path, path:placeholder)").orElse("since").notInKamelet()
            .withExample("`header:If-Modified-Since`");
    public static final Parameter<String> LOOKBACK = of("lookback", PLAN, DURATION, "Incremental: how far before the mark a pass starts (ISO-8601 duration; a number for ids)").notInKamelet()
            .withExample("`PT1H`");
    public static final Parameter<String> INCREMENTAL_START = text("incrementalStart", PLAN, "Incremental: the bound of the first pass (blank: everything)").notInKamelet()
            .withExample("`2024-01-01`");
    public static final Parameter<Boolean> NEWEST_FIRST = bool("newestFirst", PLAN, "Incremental: the API returns newest first; stop at records older than the bound").notInKamelet()
            .withExample("`true`");
    public static final Parameter<String> ON_CONFIG_CHANGE = choice("onConfigChange", PLAN, "The request-shaping settings changed since the checkpoint: restart (a new pass), resume or fail", "restart", "resume", "fail").orElse("restart").notInKamelet()
            .withExample("`resume`");
    public static final Parameter<String> TIME_FORMAT = choice("timeFormat", PLAN, "How time bounds are written: iso, epochSeconds, epochMillis or date", "iso", "epochSeconds", "epochMillis", "date").orElse("iso").notInKamelet()
            .withExample("`epochSeconds`");
    public static final Parameter<String> SLICE_FROM = text("sliceFrom", PLAN, "Backfill: the range's start (ISO-8601 instant or date, or a number)").notInKamelet()
            .withExample("`2024-01-01`");
    public static final Parameter<String> SLICE_UNTIL = text("sliceUntil", PLAN, "Backfill: the range's end, exclusive (default: when the pass starts)").notInKamelet()
            .withExample("`2024-01-31`");
    public static final Parameter<String> SLICE_STEP = of("sliceStep", PLAN, DURATION, "Backfill: the length of a slice (ISO-8601 duration, e.g. P1D; a number for ids)").notInKamelet()
            .withExample("`P1D`");
    public static final Parameter<String> SLICE_MIN_STEP = of("sliceMinStep", PLAN, DURATION, "Backfill: the shortest slice a split makes (default: 1 ms, or 1)").notInKamelet()
            .withExample("`PT1M`");
    public static final Parameter<String> SLICE_START_PARAM = of("sliceStartParam", PLAN, PLACEMENT, "Backfill: where a slice's start goes").orElse("since").notInKamelet()
            .withExample("`start_time`");
    public static final Parameter<String> SLICE_END_PARAM = of("sliceEndParam", PLAN, PLACEMENT, "Backfill: where a slice's end goes").orElse("until").notInKamelet()
            .withExample("`end_time`");
    public static final Parameter<Long> RESULT_WINDOW = longInteger("resultWindow", PLAN, "Backfill: the most records the API pages through in one query (0: no limit)").orElse("0").notInKamelet()
            .withExample("`10000`");
    public static final Parameter<String> RESULT_WINDOW_ERROR = text("resultWindowError", PLAN, "Backfill: the answer refusing a page past the window (status[:body text])").notInKamelet()
            .withExample("`400:result window`");
    public static final Parameter<Boolean> PARALLEL_PAGES = bool("parallelPages", PLAN, "Fetch the pages after the first in parallel ranges (pageNumber, offset)").notInKamelet()
            .withExample("`true`");
    public static final Parameter<Boolean> SHARE_PASS = bool("sharePass", PLAN, "Share each pass among the replicas that run the source: each session (slice, page range) is leased to whichever replica is free, and the host's budget is held across them (checkpoints in a database they share)").notInKamelet()
            .withExample("`true`");
    public static final Parameter<Integer> SESSION_LEASE_MS = integer("sessionLeaseMs", PLAN, "sharePass: how long a replica's lease on a session lasts unrenewed (renewed every third of it): how soon another replica takes over a dead one's session").orElse("30000").atLeast(1000).notInKamelet()
            .withExample("`15000`");
    public static final Parameter<Integer> CONCURRENCY = integer("concurrency", PLAN, "Sessions (slices, page ranges) fetched at once, within the host's budget").orElse("1").atLeast(1).notInKamelet()
            .withExample("`8`");

    private static final Map<String, Parameter<?>> BY_NAME = collect();

    private Parameters() {
    }

    /** Every parameter, in declaration order (grouped by concern). */
    public static List<Parameter<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The parameter named {@code name}, or {@code null}. */
    public static Parameter<?> named(String name) {
        return BY_NAME.get(name);
    }

    private static Map<String, Parameter<?>> collect() {
        Map<String, Parameter<?>> byName = new LinkedHashMap<>();
        for (Field field : Parameters.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Parameter.class) {
                try {
                    Parameter<?> parameter = (Parameter<?>) field.get(null);
                    byName.put(parameter.name(), parameter);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
