package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.route.FetchRoute;
import io.caravan.route.PaginatedHttpRouteTemplate;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.LandedData;
import io.caravan.support.TestDatabase;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * Caravan as a library: the plain artifact has no main class, no configuration that a host
 * application would pick up and no sandbox, adding it starts nothing, and a host's own YAML instantiates the
 * route template.
 */
class LibraryUseIT {

    @Test
    void libraryJarCarriesNoMainClassAndNoHostWideConfiguration() throws Exception {
        Path jar = Path.of("target", "caravan-0.1.0.jar");
        assertThat(jar).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertThat(manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class")).isNull();
            assertThat(file.getEntry("application.properties")).isNull();
            assertThat(file.getEntry("log4j2.properties")).isNull();
            assertThat(file.getEntry("io/caravan/route/PaginatedHttpRouteTemplate.class")).isNotNull();
            // The demo application, its settings and the sandbox stay in the runnable jar.
            assertThat(file.stream().map(JarEntry::getName).filter(name -> name.startsWith("io/caravan/app/")
                    || name.startsWith("io/caravan/sandbox/") || name.startsWith("caravan/"))).isEmpty();
        }
        try (JarFile runnable = new JarFile(CaravanJar.jar().toFile())) {
            assertThat(runnable.getEntry("io/caravan/sandbox/SandboxServer.class")).isNotNull();
            assertThat(runnable.getEntry("io/caravan/app/CaravanApplication.class")).isNotNull();
            assertThat(runnable.getEntry("caravan/application.properties")).isNotNull();
        }
    }

    @Test
    void hostContextGetsTheTemplateAndNothingRunsUntilItsYamlUsesIt() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0); HikariDataSource dataSource = TestDatabase.dataSource();
                CamelContext host = new DefaultCamelContext()) {
            String table = TestDatabase.uniqueTable("host");
            host.getRegistry().bind("caravanDataSource", dataSource);
            host.addRoutes(new PaginatedHttpRouteTemplate());
            host.start();
            // Only the shared fetch route and its budget, idle behind direct: until a source sends them a request.
            assertThat(host.getRoutes()).extracting(route -> route.getEndpoint().getEndpointUri())
                    .containsExactlyInAnyOrder(FetchRoute.FETCH.replace(":", "://"), "direct://caravan-budget");
            assertThat(host.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class)
                    .getRouteTemplateDefinition(PaginatedHttpRouteTemplate.ID)).isNotNull();

            String yaml = """
                    - templatedRoute:
                        routeTemplateRef: caravan-paginated-http
                        routeId: host-issues
                        parameters:
                          - name: source
                            value: host-issues
                          - name: trigger
                            value: direct:host-issues
                          - name: url
                            value: "%s/github/repos/caravan/demo/issues?records=250"
                          - name: pagination
                            value: linkHeader
                          - name: keyPath
                            value: $.id
                          - name: table
                            value: %s
                    """.formatted(sandbox.url(), table);
            PluginHelper.getRoutesLoader(host).loadRoutes(ResourceHelper.fromString("host.camel.yaml", yaml));
            host.createProducerTemplate().sendBody("direct:host-issues", null);

            assertThat(LandedData.inTable(dataSource, table, "host-issues").checksum())
                    .isEqualTo(LandedData.of(sandbox.dataSet(250, 42)).checksum());
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }
}
