package io.caravan.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The sandbox as tests use it: a {@link SandboxServer} on 127.0.0.1 watched by a {@link RecordingProbe},
 * with the server's knobs and the probe's records in one place.
 */
public final class TestSandbox implements AutoCloseable {

    private final SandboxServer server;
    private final RecordingProbe probe;

    private TestSandbox(SandboxServer server, RecordingProbe probe) {
        this.server = server;
        this.probe = probe;
    }

    /** Starts a sandbox with default settings; port 0 picks a free port. */
    public static TestSandbox start(int port) throws IOException {
        return start(port, SandboxSettings.defaults());
    }

    /** Starts a sandbox with {@code settings}; port 0 picks a free port. */
    public static TestSandbox start(int port, SandboxSettings settings) throws IOException {
        RecordingProbe probe = new RecordingProbe();
        return new TestSandbox(SandboxServer.start(port, settings, probe), probe);
    }

    /** What the sandbox received and answered. */
    public RecordingProbe probe() {
        return probe;
    }

    public String url() {
        return server.url();
    }

    public long requestCount() {
        return probe.requestCount();
    }

    public long responseCount(int status) {
        return probe.responseCount(status);
    }

    public List<String> requestLog() {
        return probe.requestLog();
    }

    public int mostRequestsInFlight() {
        return probe.mostRequestsInFlight();
    }

    public int maxRequestsWithin(Duration window) {
        return probe.maxRequestsWithin(window);
    }

    public List<Duration> waitsAfterRetryAfter() {
        return probe.waitsAfterRetryAfter();
    }

    public long authorizedRequests() {
        return probe.authorizedRequests();
    }

    public void failFrom(long request, int status) {
        server.failFrom(request, status);
    }

    public void recover() {
        server.recover();
    }

    public void expireCursors() {
        server.expireCursors();
    }

    public void requireAuth(SandboxAuth required) {
        server.requireAuth(required);
    }

    /** Tokens the sandbox's Keycloak realm issued so far (in this JVM) by grant type: password, refresh_token. */
    public long keycloakGrants(String grantType) {
        return server.keycloakGrants(grantType);
    }

    public DataSet dataSet(int records, long seed) {
        return server.dataSet(records, seed);
    }

    public void editRecords(int records, long seed, Collection<Long> ids, Instant at) {
        server.editRecords(records, seed, ids, at);
    }

    public void addRecords(int records, long seed, int count, Instant at) {
        server.addRecords(records, seed, count, at);
    }

    @Override
    public void close() {
        server.close();
    }
}
