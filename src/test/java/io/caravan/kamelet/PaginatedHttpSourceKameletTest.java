package io.caravan.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.run.RunObserver;
import io.caravan.run.RunSummary;
import io.caravan.sandbox.TestSandbox;
import io.caravan.support.LandedData;
import io.caravan.support.RecordReceiver;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** The {@code paginated-http-source} Kamelet, used from a YAML route as Camel JBang or Camel K would. */
class PaginatedHttpSourceKameletTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sendsEveryRecordOnceToTheSink() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(0)) {
            Run run = runKamelet(sandbox, "records=1234&overlap=3", "");

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
            Run run = runKamelet(sandbox, "records=1234&fail_rate=0.2&malformed_rate=0.1&html_rate=0.05", """
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

    /** What a run of the Kamelet sent to its sink, and its summary. */
    private record Run(RunSummary summary, LandedData records) {
    }

    private static Run runKamelet(TestSandbox sandbox, String query, String routeErrorHandler) throws Exception {
        RecordReceiver received = new RecordReceiver();
        BlockingQueue<RunSummary> finished = new ArrayBlockingQueue<>(4);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("observer", (RunObserver) finished::add);
            context.getRegistry().bind("received", received);
            context.getRegistry().bind("retryPolicy", new KameletRetryPolicy());
            String yaml = """
                    - route:
                    %s
                        from:
                          uri: "kamelet:paginated-http-source"
                          parameters:
                            source: kamelet-slack
                            url: "RAW(%s/slack/api/conversations.history?%s)"
                            pagination: bodyCursor
                            cursorPath: $.response_metadata.next_cursor
                            cursorParam: cursor
                            pageSizeParam: limit
                            pageSize: "100"
                            recordsPath: $.messages
                            keyPath: $.id
                          steps:
                            - bean:
                                ref: received
                                method: add
                    """.formatted(routeErrorHandler.indent(4).stripTrailing(), sandbox.url(), query);
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("kamelet-user.camel.yaml", yaml));
            context.start();

            RunSummary summary = finished.poll(60, TimeUnit.SECONDS);
            assertThat(summary).as("the Kamelet's run finished").isNotNull();
            return new Run(summary, received.landed());
        }
    }
}
