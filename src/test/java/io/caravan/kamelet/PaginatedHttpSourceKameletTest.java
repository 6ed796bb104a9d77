package io.caravan.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.LandedData;
import io.caravan.support.KameletRun;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code paginated-http-source} Kamelet, used from a YAML route as Camel JBang or Camel K would. */
class PaginatedHttpSourceKameletTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sendsEveryRecordOnceToTheSink() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            KameletRun run = runKamelet(sandbox, "records=1234&overlap=3", "");

            assertThat(run.summary().completed()).isTrue();
            assertThat(run.summary().shiftedRecords()).isEqualTo(3 * 12);
            // The summary counts what reached the sink, one record at a time.
            assertThat(run.summary().recordsLoaded()).isEqualTo(1234);
            assertThat(run.records().rows()).isEqualTo(1234);
            assertThat(run.records().checksum()).isEqualTo(LandedData.of(sandbox.dataSet(1234, 42)).checksum());
        }
    }

    @Test
    void callingRoutesErrorHandlerRetriesServerErrorsAndBadBodiesAtTheFailingPage() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            KameletRun run = runKamelet(sandbox, "records=1234&fail_rate=0.2&malformed_rate=0.1&html_rate=0.05", """
                    errorHandler:
                      defaultErrorHandler:
                        retryWhileRef: retryPolicy
                        redeliveryPolicy:
                          maximumRedeliveries: -1
                          redeliveryDelay: 1
                    """);

            assertThat(sandbox.responseCount(500) + sandbox.responseCount(503)).isPositive();
            // Every request beyond the 13 pages was a counted retry (bad bodies were fetched again).
            assertThat(run.summary().retries()).isEqualTo(sandbox.requestCount() - 13)
                    .isGreaterThan(sandbox.responseCount(500) + sandbox.responseCount(503));
            assertThat(run.records().rows()).isEqualTo(1234);
            assertThat(run.records().checksum()).isEqualTo(LandedData.of(sandbox.dataSet(1234, 42)).checksum());
        }
    }

    private static KameletRun runKamelet(TestSandbox sandbox, String query, String routeErrorHandler) throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("source", "kamelet-slack");
        parameters.put("url", "RAW(" + sandbox.url() + "/slack/api/conversations.history?" + query + ")");
        parameters.put("pagination", "bodyCursor");
        parameters.put("cursorPath", "$.response_metadata.next_cursor");
        parameters.put("cursorParam", "cursor");
        parameters.put("pageSizeParam", "limit");
        parameters.put("pageSize", 100);
        parameters.put("recordsPath", "$.messages");
        parameters.put("keyPath", "$.id");
        return KameletRun.of(parameters, routeErrorHandler, Map.of("retryPolicy", new KameletRetryPolicy()));
    }
}
