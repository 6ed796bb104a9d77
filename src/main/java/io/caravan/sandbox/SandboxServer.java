package io.caravan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox API: a local HTTP server on 127.0.0.1 serving a generated data set in the pagination
 * style of well-known APIs, with knobs for page size, latency, server errors and a rate limit.
 * The demo routes and the tests run against it.
 */
public final class SandboxServer implements AutoCloseable {

    static {
        // Without it the JDK server delays each keep-alive response by ~40 ms (Nagle + delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final KeycloakRealm KEYCLOAK = new KeycloakRealm();
    private static final List<Contract> CONTRACTS = List.of(new HelpScoutContract(), new StripeContract(),
            new GitHubContract(), new ShopifyContract(), new ZoomContract(), new DropboxListFolderContract(),
            new DropboxContinueContract(), new SlackContract(), new HubSpotContract(), new JiraContract(),
            new NotionContract(), new GraphContract(), new FreshdeskContract(), new BrazeContract(),
            new PlentificContract(), new HeaderTokenContract(), new TimeRangeLogContract(), new GrowingOffsetContract(), new SearchContract(), new ScrollContract(),
            new SearchAfterContract(), new MediaWikiContract(), new EtcdRangeContract(), new CouchDbViewContract(),
            new GitHubEnterpriseContract(), new KeycloakUsersContract(KEYCLOAK));

    /** Answers a JSON body that never ends (until the client closes the connection). */
    private static final SandboxResponse ENDLESS = new SandboxResponse(200, Map.of("Content-Type", "application/json"),
            new byte[0]);
    /** Answers nothing: the connection is closed without a response. */
    private static final SandboxResponse DROP = new SandboxResponse(0, Map.of(), new byte[0]);

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, DataSet> dataSets = new ConcurrentHashMap<>();
    private final FaultInjector faults;
    private final RateLimitWindow rateLimit;
    private final SandboxProbe probe;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong cursorGeneration = new AtomicLong();
    private volatile long outageFrom = Long.MAX_VALUE;
    private volatile int outageStatus;
    private volatile SandboxAuth auth = SandboxAuth.none();

    private SandboxServer(HttpServer server, ExecutorService workers, SandboxSettings settings, SandboxProbe probe) {
        this.server = server;
        this.workers = workers;
        this.probe = probe;
        this.faults = new FaultInjector(settings.faultSeed());
        this.rateLimit = new RateLimitWindow(settings.requestsPerSecond(), settings.rateWindow());
    }

    /** Starts a sandbox on 127.0.0.1 with default settings; port 0 picks a free port. */
    public static SandboxServer start(int port) throws IOException {
        return start(port, SandboxSettings.defaults());
    }

    /** Starts a sandbox on 127.0.0.1; port 0 picks a free port. */
    public static SandboxServer start(int port, SandboxSettings settings) throws IOException {
        return start(port, settings, SandboxProbe.NONE);
    }

    /** Starts a sandbox on 127.0.0.1, watched by {@code probe}; port 0 picks a free port. */
    public static SandboxServer start(int port, SandboxSettings settings, SandboxProbe probe) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "sandbox-http");
            thread.setDaemon(true);
            return thread;
        });
        SandboxServer sandbox = new SandboxServer(http, workers, settings, probe);
        http.createContext("/", sandbox::handle);
        http.setExecutor(workers);
        http.start();
        return sandbox;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8089}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * An outage: from the {@code request}-th request since start (counting from 1) every request is
     * answered with {@code status} until {@link #recover()}.
     */
    public void failFrom(long request, int status) {
        outageStatus = status;
        outageFrom = request;
    }

    /**
     * Every cursor handed out so far expires: a request carrying one is answered 400 "cursor expired"
     * (the {@code cursor_ttl_ms} knob expires each cursor that long after it was handed out).
     */
    public void expireCursors() {
        cursorGeneration.incrementAndGet();
    }

    /** Demands these credentials of every data request from now on. */
    public void requireAuth(SandboxAuth required) {
        auth = required;
    }

    /** Ends an outage. */
    public void recover() {
        outageFrom = Long.MAX_VALUE;
    }

    /** Tokens the sandbox's Keycloak realm issued so far (in this JVM) by grant type: password, refresh_token. */
    public long keycloakGrants(String grantType) {
        return KEYCLOAK.grants(grantType);
    }

    /** The data set the sandbox serves for this size and seed (the same one the knobs select). */
    public DataSet dataSet(int records, long seed) {
        return dataSets.computeIfAbsent(records + ":" + seed, key -> DataSet.generate(seed, records));
    }

    /** Edits the records of {@code ids} in the data set of this size and seed, at {@code at} (their update time). */
    public void editRecords(int records, long seed, Collection<Long> ids, Instant at) {
        dataSets.compute(records + ":" + seed, (key, data) -> (data == null ? DataSet.generate(seed, records) : data)
                .withEdited(ids, at));
    }

    /** Adds {@code count} records to the data set of this size and seed, updated at {@code at}. */
    public void addRecords(int records, long seed, int count, Instant at) {
        dataSets.compute(records + ":" + seed, (key, data) -> (data == null ? DataSet.generate(seed, records) : data)
                .withAdded(count, at, seed));
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        if (exchange.getRequestURI().getPath().equals(KeycloakRealm.TOKEN_PATH)) {
            // The identity server is a service of its own: not among the API's requests, untouched by knobs and outages.
            try (exchange) {
                write(exchange, exchange.getRequestMethod().equals("POST") ? KEYCLOAK.token(SandboxHttp.readBody(exchange),
                        SandboxHttp.parseQuery(exchange.getRequestURI().getRawQuery()))
                        : SandboxResponse.error(405, "use POST with a form"));
            }
            return;
        }
        try (exchange) {
            // In flight from arrival until the answer is ready (before the client can have it).
            int now = inFlight.incrementAndGet();
            SandboxResponse response;
            try {
                long number = requests.incrementAndGet();
                probe.arrived(exchange.getRequestURI().toString(), SandboxHttp.headers(exchange), now, arrived);
                response = number >= outageFrom ? SandboxResponse.error(outageStatus, "outage") : answer(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
            if (response == DROP) {
                probe.answered(0, false);
                return;
            }
            if (response == ENDLESS) {
                SandboxHttp.sendEndless(exchange);
                return;
            }
            send(exchange, response);
        }
    }

    private SandboxResponse answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = SandboxHttp.headers(exchange);
        if (path.equals(SandboxAuth.TOKEN_PATH)) {
            return auth.token(headers);
        }
        SandboxResponse refused = auth.refuse(headers, SandboxHttp.parseQuery(exchange.getRequestURI().getRawQuery()));
        if (refused != null) {
            return refused;
        }
        Contract contract = CONTRACTS.stream().filter(c -> c.path().equals(path)).findFirst().orElse(null);
        if (contract == null) {
            return SandboxResponse.error(404, "no such path: " + path);
        }
        SandboxRequest request;
        Knobs knobs;
        try {
            JsonNode body = SandboxHttp.readBody(exchange);
            Map<String, String> params = new LinkedHashMap<>(
                    contract.params(SandboxHttp.parseQuery(exchange.getRequestURI().getRawQuery()), headers, body));
            String generation = params.put(OpaqueCursor.CURSOR_GENERATION, Long.toString(cursorGeneration.get()));
            String issued = params.get(OpaqueCursor.ISSUED);
            boolean stale = issued != null && params.containsKey("cursor_ttl_ms")
                    && System.currentTimeMillis() - Long.parseLong(issued) > Long.parseLong(params.get("cursor_ttl_ms"));
            if (stale || (generation != null && Long.parseLong(generation) != cursorGeneration.get())) {
                return SandboxResponse.error(400, "cursor expired");
            }
            if (params.containsKey("endless_body")) {
                return ENDLESS;
            }
            if (params.containsKey("redirect_loop")) {
                return new SandboxResponse(302, Map.of("Location", url() + exchange.getRequestURI()), new byte[0]);
            }
            // next_origin: the links the sandbox hands out point to another origin (another sandbox).
            request = new SandboxRequest(params.getOrDefault("next_origin", url()) + exchange.getRequestURI(), path,
                    exchange.getRequestMethod(), params, headers, body);
            knobs = Knobs.from(params, contract.pageSizeParam(), contract.defaultPageSize());
        } catch (IllegalArgumentException e) {
            return SandboxResponse.error(400, e.getMessage() == null ? "bad request" : e.getMessage());
        }
        if (rateLimit.limited()) {
            RateLimitWindow.Admission admission = rateLimit.admit();
            if (!admission.allowed()) {
                return admission.onto(SandboxResponse.error(429, "rate limited")).withHeader("Retry-After", "1");
            }
            SandboxResponse served = serve(contract, request, knobs);
            return served == DROP ? served : admission.onto(served);
        }
        return serve(contract, request, knobs);
    }

    private SandboxResponse serve(Contract contract, SandboxRequest request, Knobs knobs) {
        pause(knobs.latencyMs());
        ResponseFaults asked = ResponseFaults.from(request.params());
        FaultInjector.Fault fault = faults.pick(asked);
        switch (fault) {
            case SERVER_ERROR -> {
                return faults.serverError();
            }
            case RATE_LIMITED -> {
                return faults.rateLimited(asked);
            }
            case HTML -> {
                return FaultInjector.html();
            }
            case DROPPED -> {
                return DROP;
            }
            case SLOW -> pause(asked.slowMs());
            default -> {
                // served as asked
            }
        }
        SandboxResponse page;
        try {
            page = contract.serve(request, TimeFilter.apply(request.params(),
                    dataSet(contract.dataSetSize(knobs), knobs.seed())), knobs);
        } catch (IllegalArgumentException e) {
            return SandboxResponse.error(400, e.getMessage() == null ? "bad request" : e.getMessage());
        }
        page = FaultInjector.shaped(page, asked);
        if ("climb".equals(request.params().get("relative_links"))) {
            page = Links.climbing(page, url());
        }
        return fault == FaultInjector.Fault.MALFORMED ? FaultInjector.malformed(page) : page;
    }

    private void send(HttpExchange exchange, SandboxResponse response) throws IOException {
        probe.answered(response.status(), response.headers().containsKey("Retry-After"));
        write(exchange, response);
    }

    private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static void pause(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
