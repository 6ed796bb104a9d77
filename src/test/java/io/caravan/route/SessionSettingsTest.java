package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.config.SourceParameters;
import io.caravan.config.SourceSettings;
import io.caravan.plan.Axis;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings of marks, slices and parallel pages that cannot work fail when the route is created, saying why. */
class SessionSettingsTest {

    private CamelContext context;
    private Map<String, String> params;

    @BeforeEach
    void defaults() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new PaginatedHttpRouteTemplate());
        params = new HashMap<>();
        for (RouteTemplateParameterDefinition parameter : context.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteTemplateDefinition(PaginatedHttpRouteTemplate.ID).getTemplateParameters()) {
            if (parameter.getDefaultValue() != null) {
                params.put(parameter.getName(), parameter.getDefaultValue());
            }
        }
        params.put("source", "s");
        params.put("url", "http://127.0.0.1:1/items");
        params.put("pagination", "pageNumber");
    }

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void parallelPagesNeedPagesAddressedDirectlyAndATotal() {
        params.put("parallelPages", "true");
        assertThatThrownBy(this::settings).hasMessageContaining("parallelPages needs totalPagesPath");
        params.put("pagination", "bodyCursor");
        params.put("cursorPath", "$.next");
        assertThatThrownBy(this::settings).hasMessageContaining("parallelPages needs pages addressed directly");
        params.put("pagination", "pageNumber");
        params.put("totalPagesPath", "$.pages");
        assertThat(settings().plan().parallelPages()).isNotNull();
    }

    @Test
    void slicesOfNumbersNeedAnEndAndTimesAnyKnownFormat() {
        params.put("sliceStep", "1000");
        params.put("sliceFrom", "1");
        assertThatThrownBy(this::settings).hasMessageContaining("sliceUntil is required for a range of numbers");
        params.put("sliceUntil", "50000");
        assertThat(settings().plan().backfill().axis()).isEqualTo(Axis.NUMBER);
        params.put("sliceStep", "P1D");
        params.put("sliceFrom", "2024-01-01");
        params.put("sliceUntil", "");
        params.put("timeFormat", "unix");
        assertThatThrownBy(this::settings).hasMessageContaining("timeFormat 'unix': use iso, epochSeconds, epochMillis or date");
        params.put("timeFormat", "date");
        assertThat(settings().plan().backfill().axis()).isEqualTo(Axis.TIME);
    }

    @Test
    void aPagingValueCannotGoIntoThePathButABoundCan() {
        params.put("pageParam", "path:page");
        assertThatThrownBy(this::settings).hasMessageContaining("a paging value cannot go into the path");
        params.put("pageParam", "page");
        params.put("incrementalField", "$.updated_at");
        params.put("incrementalParam", "path:since");
        assertThat(settings().plan().incremental()).isNotNull();
    }

    private SourceSettings settings() {
        return SourceSettings.read(SourceParameters.read(params, "route 's'", context), context);
    }
}
