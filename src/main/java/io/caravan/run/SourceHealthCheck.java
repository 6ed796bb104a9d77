package io.caravan.run;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * A source's readiness ({@code /observe/health/ready}): down when it failed its last
 * {@code caravan.health.max-failed-runs} runs (3 by default), or when its high-water mark lags more
 * than {@code caravan.health.max-lag-seconds} behind now (0, the default: not checked).
 */
public final class SourceHealthCheck implements HealthCheck {

    private final Source source;
    private final int maxFailedRuns;
    private final long maxLagSeconds;
    private boolean enabled = true;

    private SourceHealthCheck(Source source, int maxFailedRuns, long maxLagSeconds) {
        this.source = source;
        this.maxFailedRuns = maxFailedRuns;
        this.maxLagSeconds = maxLagSeconds;
    }

    /** Registers the check of {@code source} where the context has a health-check registry. */
    public static void register(CamelContext context, Source source) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            return;
        }
        int maxFailedRuns = Integer.parseInt(context.resolvePropertyPlaceholders("{{caravan.health.max-failed-runs:3}}").strip());
        long maxLagSeconds = Long.parseLong(context.resolvePropertyPlaceholders("{{caravan.health.max-lag-seconds:0}}").strip());
        registry.register(new SourceHealthCheck(source, maxFailedRuns, maxLagSeconds));
    }

    @Override
    public String getGroup() {
        return "caravan";
    }

    @Override
    public String getId() {
        return "source-" + source.name();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        SourceMeters meters = source.meters();
        int failed = meters.failedInARow();
        double lag = meters.markLagSeconds();
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).detail("source", source.name())
                .detail("failed.runs.in.a.row", failed);
        if (!Double.isNaN(lag)) {
            result.detail("high.water.mark.lag.seconds", (long) lag);
        }
        if (failed >= maxFailedRuns) {
            return result.down().message(source.name() + " failed its last " + failed + " runs").build();
        }
        if (maxLagSeconds > 0 && lag > maxLagSeconds) {
            return result.down().message(source.name() + "'s high-water mark lags " + (long) lag + " s, more than "
                    + maxLagSeconds + " s").build();
        }
        return result.up().build();
    }
}
