package io.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route file's mistake, at the command line: one line naming the route, its file, the parameter
 * and what is wrong, exit status 2, no stack trace, and no request sent.
 */
class ConfigurationErrorIT {

    @TempDir
    Path workDir;

    @Test
    void aMistypedNameIsOneLineWithTheNearestNameAndExitStatus2() throws Exception {
        String output = runWith("""
                      - name: url
                        value: "http://127.0.0.1:9/issues"
                      - name: pagination
                        value: linkHeader
                      - name: pagesize
                        value: "50"
                """);
        assertThat(output.strip()).isEqualTo("caravan: configuration error: unknown parameter 'pagesize' in route"
                + " 'github-issues' (routes/github-issues.camel.yaml): did you mean 'pageSize'?");
    }

    @Test
    void aValueOfTheWrongTypeIsOneLineNamingParameterValueAndExpectation() throws Exception {
        String output = runWith("""
                      - name: url
                        value: "http://127.0.0.1:9/issues"
                      - name: pagination
                        value: linkHeader
                      - name: pageSize
                        value: "1OO"
                """);
        assertThat(output.strip()).isEqualTo("caravan: configuration error: route 'github-issues'"
                + " (routes/github-issues.camel.yaml): pageSize '1OO': expected an integer of at least 1");
    }

    @Test
    void anUnknownStyleIsOneLineListingTheStyles() throws Exception {
        String output = runWith("""
                      - name: url
                        value: "http://127.0.0.1:9/issues"
                      - name: pagination
                        value: linkheader
                """);
        assertThat(output.strip()).startsWith("caravan: configuration error: route 'github-issues'"
                + " (routes/github-issues.camel.yaml): pagination 'linkheader': use pageNumber, offset,")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void anUnknownClusterServiceIsOneLineListingTheChoices() throws Exception {
        CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_JDBC_URL", "jdbc:h2:mem:config", "CARAVAN_CLUSTER",
                "zookeeper"));
        caravan.route("github-issues", """
                      - name: url
                        value: "http://127.0.0.1:9/issues"
                      - name: pagination
                        value: linkHeader
                """);
        assertThat(caravan.run(2, 60, "run").strip())
                .isEqualTo("caravan: configuration error: caravan.cluster is 'zookeeper': one of none, file, kubernetes");
    }

    @Test
    void aKameletUrlCutAtItsAmpersandIsOneLineSayingToWriteItRaw() throws Exception {
        CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_JDBC_URL", "jdbc:h2:mem:config"));
        caravan.routeFile("kamelet", kameletRoute("url: \"http://127.0.0.1:9/customers?records=10&max_page_size=500\""));
        assertThat(caravan.run(2, 60, "run").strip()).isEqualTo("caravan: configuration error: route 'stripe-kamelet'"
                + " (routes/kamelet.camel.yaml): 'max_page_size' is not a property of the paginated-http-source Kamelet:"
                + " Camel cut the url at the '&' before it (write url: \"RAW(…)\")");
    }

    @Test
    void aMistypedKameletPropertyIsOneLineWithTheNearestName() throws Exception {
        CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_JDBC_URL", "jdbc:h2:mem:config"));
        caravan.routeFile("kamelet", kameletRoute("url: \"http://127.0.0.1:9/customers\"\n        pagesize: 50"));
        assertThat(caravan.run(2, 60, "run").strip()).isEqualTo("caravan: configuration error: unknown property"
                + " 'pagesize' of the paginated-http-source Kamelet in route 'stripe-kamelet' (routes/kamelet.camel.yaml):"
                + " did you mean 'pageSize'?");
    }

    /** A route from the Kamelet to the log, with {@code properties} (lines after the first eight spaces in) after its source. */
    private static String kameletRoute(String properties) {
        return """
                - route:
                    id: stripe-kamelet
                    from:
                      uri: kamelet:paginated-http-source
                      parameters:
                        source: stripe-kamelet
                        pagination: offset
                        %s
                      steps:
                        - to: "log:stripe-kamelet"
                """.formatted(properties);
    }

    private String runWith(String parameters) throws Exception {
        CaravanJar caravan = new CaravanJar(workDir, Map.of("CARAVAN_JDBC_URL", "jdbc:h2:mem:config"));
        caravan.route("github-issues", parameters);
        return caravan.run(2, 60, "run");
    }
}
