package io.caravan.config;

import static io.caravan.config.Parameters.SOURCE_NAME;

import org.apache.camel.CamelContext;

/**
 * A source's configuration, read from its {@link SourceParameters} and validated once when the
 * route is created, so a wrong setting fails at startup rather than on page 37. Each concern is a
 * record of its own.
 *
 * @param source  the source's name (in progress lines, errors and summaries)
 * @param request what it sends
 * @param paging  how it pages and when it stops
 * @param records where the records are and what keys them
 * @param load    where and when records land
 * @param limits  the bounds it keeps
 * @param plan    how a run is planned (incremental, slices, parallel pages)
 */
public record SourceSettings(String source, RequestSettings request, PagingSettings paging, RecordSettings records,
        LoadSettings load, LimitSettings limits, PlanSettings plan) {

    /** Reads the settings; {@code context} compiles the templated paginator's expressions. */
    public static SourceSettings read(SourceParameters p, CamelContext context) {
        RequestSettings request = RequestSettings.read(p);
        PagingSettings paging = PagingSettings.read(p, context, request.first());
        RecordSettings records = RecordSettings.read(p);
        LoadSettings load = LoadSettings.read(p, records.layout());
        PlanSettings plan = PlanSettings.read(p, paging.paginator());
        if (plan.sharePass() && !load.checkpoints()) {
            throw p.contradiction("sharePass needs checkpoints (checkpoint true, stream mode): replicas share a pass through them");
        }
        return new SourceSettings(p.require(SOURCE_NAME), request, paging, records, load, LimitSettings.read(p), plan);
    }
}
