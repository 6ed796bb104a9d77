package io.caravan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mistakes in a source's parameters are refused where they are made, each naming the route, file, parameter and value. */
class SourceParametersTest {

    private static final String WHERE = "route 'github-issues' (routes/github-issues.camel.yaml)";

    private CamelContext context;
    private Map<String, String> given;

    @BeforeEach
    void minimal() {
        context = new DefaultCamelContext();
        given = new HashMap<>(Map.of("source", "github-issues", "url", "http://127.0.0.1:1/issues",
                "pagination", "linkHeader"));
    }

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void anUnknownNameIsRefusedWithTheNearestKnownOne() {
        given.put("pagesize", "50");
        assertThatThrownBy(this::settings).isInstanceOf(ConfigurationException.class).hasMessage(
                "unknown parameter 'pagesize' in " + WHERE + ": did you mean 'pageSize'?");
        given.remove("pagesize");
        given.put("recordPath", "$.items");
        assertThatThrownBy(this::settings).hasMessage("unknown parameter 'recordPath' in " + WHERE
                + ": did you mean 'recordsPath'?");
        given.remove("recordPath");
        given.put("colour", "blue");
        assertThatThrownBy(this::settings).hasMessage("unknown parameter 'colour' in " + WHERE);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheParameterTheValueAndWhatIsExpected() {
        given.put("pageSize", "1OO");
        assertThatThrownBy(this::settings).hasMessage(WHERE + ": pageSize '1OO': expected an integer of at least 1");
        given.put("pageSize", "0");
        assertThatThrownBy(this::settings).hasMessage(WHERE + ": pageSize '0': expected an integer of at least 1");
        given.put("pageSize", "50");
        given.put("checkpoint", "yes");
        assertThatThrownBy(this::settings).hasMessage(WHERE + ": checkpoint 'yes': expected true or false");
        given.put("checkpoint", "true");
        given.put("pagination", "linkheader");
        assertThatThrownBy(this::settings).hasMessage(WHERE + ": pagination 'linkheader': use pageNumber, offset,"
                + " lastRecordCursor, bodyCursor, headerToken, nextUrl, linkHeader, lastRecordTime, timeWindow, continuation or templated");
        given.put("pagination", "linkHeader");
        given.put("method", "FETCH");
        assertThatThrownBy(this::settings).hasMessage(WHERE + ": method 'FETCH': not an HTTP method (one of [GET, PATCH, POST,"
                + " PUT, DELETE, HEAD, OPTIONS, TRACE])");
        given.put("method", "post");
        given.put("pagination", "bodyCursor");
        given.put("cursorPath", "$..");
        assertThatThrownBy(this::settings).hasMessage(WHERE + ": cursorPath '$..': Path must not end with a '.' or '..'");
    }

    @Test
    void aMissingOrContradictorySettingIsRefusedWithTheReason() {
        given.remove("url");
        assertThatThrownBy(this::settings).hasMessage(WHERE + ": parameter 'url' is required");
        given.put("url", "http://127.0.0.1:1/issues");
        given.put("stopOnShortPage", "true");
        assertThatThrownBy(this::settings).hasMessage(WHERE + ": stopOnShortPage needs pageSize, to know a short page");
        given.remove("stopOnShortPage");
        given.put("pagination", "offset");
        assertThatThrownBy(this::settings).hasMessage(WHERE + ": offsetStep pageSize needs pageSize (or offsetStep records)");
    }

    @Test
    void aParameterThatResolvesToAnEmptyValueIsNamedWithItsPlaceholder() {
        Properties properties = new Properties();
        properties.put("github.token", "");
        context.getPropertiesComponent().setInitialProperties(properties);
        given.put("auth", "bearer");
        given.put("authToken", "{{github.token}}");
        assertThatThrownBy(this::settings).isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": parameter 'authToken' is required: {{github.token}} resolved to an empty value");
    }

    @Test
    void aSecretIsNeverEchoedInAnError() {
        given.put("auth", "apiKey");
        given.put("apiKey", "s3cr3t-key");
        given.put("apiKeyParam", "cookie:key");
        assertThatThrownBy(this::settings).hasMessageStartingWith(WHERE + ": apiKeyParam 'cookie:key': use header:Name")
                .message().doesNotContain("s3cr3t-key");
        given.put("apiKeyParam", "header:X-Api-Key");
        assertThat(settings().request().credentials()).isNotNull();
    }

    @Test
    void typedValuesAreConvertedByCamelsTypeConverters() {
        given.put("pageSize", " 75 ");
        given.put("pageSizeParam", "per_page");
        given.put("flushBytes", "4194304");
        given.put("adaptiveRate", "TRUE");
        SourceSettings settings = settings();
        assertThat(settings.request().first().query()).containsEntry("per_page", "75");
        assertThat(settings.load().flush().bytes()).isEqualTo(4_194_304L);
        assertThat(settings.limits().adaptiveRate()).isTrue();
        assertThat(settings.paging().maxPages()).isEqualTo(10_000);
    }

    private SourceSettings settings() {
        return SourceSettings.read(SourceParameters.read(given, WHERE, context), context);
    }
}
