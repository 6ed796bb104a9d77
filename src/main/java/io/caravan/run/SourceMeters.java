package io.caravan.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;

/**
 * A source's meters, tagged {@code source="<name>"} only (never a URL or a token), in the Camel
 * context's Micrometer registry ({@code /observe/metrics} in the application; none bound: the
 * meters count for the health check alone): pages fetched, records landed, repeats dropped,
 * retries, rate-limited answers, seconds waited on rate limits, the last run's duration, the time of
 * the last completed run and the lag of the high-water mark. It also counts the runs failed in a
 * row, which the source's health check reads.
 */
public final class SourceMeters {

    private final Counter pages;
    private final Counter landed;
    private final Counter repeats;
    private final Counter retries;
    private final Counter rateLimited;
    private final Counter waited;
    private final AtomicReference<Double> lastDuration = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> lastSuccess = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Instant> mark = new AtomicReference<>();
    private final AtomicInteger failedInARow = new AtomicInteger();

    private SourceMeters(MeterRegistry registry, String source) {
        Tags tags = Tags.of("source", source);
        pages = Counter.builder("caravan.pages").description("Pages fetched").tags(tags).register(registry);
        landed = Counter.builder("caravan.records.landed").description("Records landed in the sink").tags(tags).register(registry);
        repeats = Counter.builder("caravan.repeats.dropped").description("Records dropped as repeats of a key seen in the run")
                .tags(tags).register(registry);
        retries = Counter.builder("caravan.retries").description("Requests sent again after a retriable failure").tags(tags)
                .register(registry);
        rateLimited = Counter.builder("caravan.rate.limited").description("Answers that said the rate limit was reached (429)")
                .tags(tags).register(registry);
        waited = Counter.builder("caravan.rate.limit.wait").baseUnit("seconds").description("Seconds waited on rate limits")
                .tags(tags).register(registry);
        Gauge.builder("caravan.run.duration", lastDuration, AtomicReference::get).baseUnit("seconds")
                .description("Wall time of the last run").tags(tags).register(registry);
        Gauge.builder("caravan.last.success", lastSuccess, AtomicReference::get).baseUnit("seconds")
                .description("When the last completed run ended (Unix time)").tags(tags).register(registry);
        Gauge.builder("caravan.high.water.mark.lag", this, SourceMeters::markLagSeconds).baseUnit("seconds")
                .description("How far the high-water mark is behind now").tags(tags).register(registry);
    }

    /** The meters of {@code source} in {@code context}'s registry (the first MeterRegistry bound), or counting alone. */
    static SourceMeters in(CamelContext context, String source) {
        Set<MeterRegistry> registries = context.getRegistry().findByType(MeterRegistry.class);
        MeterRegistry registry = registries.isEmpty() ? new CompositeMeterRegistry() : registries.iterator().next();
        return new SourceMeters(registry, source);
    }

    public void page() {
        pages.increment();
    }

    public void landed(long records) {
        landed.increment(records);
    }

    public void retry() {
        retries.increment();
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void waited(long millis) {
        waited.increment(millis / 1000.0);
    }

    /** A run ended: its duration, repeats, and whether it completed; {@code highWaterMark} when the source keeps one. */
    void runEnded(RunSummary summary, String highWaterMark) {
        repeats.increment(summary.shiftedRecords());
        lastDuration.set(summary.elapsed().toMillis() / 1000.0);
        if (summary.failure() != null) {
            failedInARow.incrementAndGet();
        } else {
            failedInARow.set(0);
            if (summary.completed()) {
                lastSuccess.set(System.currentTimeMillis() / 1000.0);
            }
        }
        Instant at = instant(highWaterMark);
        if (at != null) {
            mark.set(at);
        }
    }

    /** A mark that is a time: an ISO instant, or Unix seconds or milliseconds; {@code null} for any other mark (an id). */
    private static Instant instant(String mark) {
        if (mark == null) {
            return null;
        }
        try {
            return Instant.parse(mark);
        } catch (DateTimeParseException notIso) {
            try {
                long number = Long.parseLong(mark);
                return number < 100_000_000_000L ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }

    /** Runs that failed since the last one that did not. */
    public int failedInARow() {
        return failedInARow.get();
    }

    /** Seconds the high-water mark is behind now; NaN for a source with none yet. */
    public double markLagSeconds() {
        Instant at = mark.get();
        return at == null ? Double.NaN : TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis() - at.toEpochMilli());
    }
}
