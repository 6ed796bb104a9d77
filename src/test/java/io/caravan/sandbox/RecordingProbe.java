package io.caravan.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** A {@link SandboxProbe} that records what tests assert: requests, arrivals, answers, requests in flight. */
public final class RecordingProbe implements SandboxProbe {

    private final AtomicLong requests = new AtomicLong();
    private final Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final Queue<Arrival> requestLog = new ConcurrentLinkedQueue<>();
    private final AtomicLong authorized = new AtomicLong();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final Queue<Long> askedToWaitAt = new ConcurrentLinkedQueue<>();
    /** When the request being answered on this server thread arrived. */
    private final ThreadLocal<Long> arrivedAt = new ThreadLocal<>();
    private final LongAdder answerNanos = new LongAdder();
    private final LongAdder answers = new LongAdder();

    @Override
    public void arrived(String uri, Map<String, String> headers, int inFlight, long nanoTime) {
        requests.incrementAndGet();
        requestLog.add(new Arrival(uri, nanoTime));
        arrivals.add(nanoTime);
        arrivedAt.set(nanoTime);
        mostInFlight.accumulateAndGet(inFlight, Math::max);
        if (headers.containsKey("authorization")) {
            authorized.incrementAndGet();
        }
    }

    @Override
    public void answered(int status, boolean askedToWait) {
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        Long arrived = arrivedAt.get();
        if (arrived != null) {
            answerNanos.add(System.nanoTime() - arrived);
            answers.increment();
            arrivedAt.remove();
        }
        if (askedToWait) {
            askedToWaitAt.add(System.nanoTime());
        }
    }

    /**
     * The sandbox's answer time so far: nanoseconds from each request's arrival to its answer being
     * written (its latency knob and its own work), summed, and the requests answered: [total, count].
     */
    public long[] answerTimes() {
        return new long[] {answerNanos.sum(), answers.sum()};
    }

    /** Requests received since start. */
    public long requestCount() {
        return requests.get();
    }

    /** The request URIs received since start (path and query), in arrival order. */
    public List<String> requestLog() {
        return requestLog.stream().map(Arrival::uri).toList();
    }

    /** The requests received since start, each with when it arrived, in arrival order. */
    public List<Arrival> arrivals() {
        return List.copyOf(requestLog);
    }

    /** A request: its URI (path and query) and when it arrived ({@link System#nanoTime()}). */
    public record Arrival(String uri, long nanoTime) {
    }

    /** Requests that carried an Authorization header since start. */
    public long authorizedRequests() {
        return authorized.get();
    }

    /** The most requests the sandbox was answering at once since start. */
    public int mostRequestsInFlight() {
        return mostInFlight.get();
    }

    /** Responses sent with the given status since start (0: connections dropped without a response). */
    public long responseCount(int status) {
        AtomicLong count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    /** The most requests that arrived within any span of {@code window} (a sliding window) since start. */
    public int maxRequestsWithin(Duration window) {
        long[] times = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        int most = 0;
        int first = 0;
        for (int last = 0; last < times.length; last++) {
            while (times[last] - times[first] >= window.toNanos()) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /**
     * For each answer that asked to wait (Retry-After), how long until the next request arrived;
     * with one client sending one request at a time.
     */
    public List<Duration> waitsAfterRetryAfter() {
        long[] times = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        List<Duration> waits = new ArrayList<>();
        for (long answered : askedToWaitAt) {
            for (long arrival : times) {
                if (arrival > answered) {
                    waits.add(Duration.ofNanos(arrival - answered));
                    break;
                }
            }
        }
        return waits;
    }
}
