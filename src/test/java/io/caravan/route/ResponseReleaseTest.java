package io.caravan.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.run.RunSummary;
import io.caravan.support.CaravanFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpProducer;
import org.apache.camel.impl.engine.DefaultUnitOfWork;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run's exchange lives for all its pages, and camel-http releases each response when the exchange
 * completes: unless the fetch route runs those releases per request, one response (its request,
 * headers and buffers) stays held per page, and a run of 10,000 pages outgrows a 64 MB heap. The
 * unit of work of the run is watched for camel-http's releases still held when the run ends.
 */
class ResponseReleaseTest {

    private static final String HTTP_RELEASE = HttpProducer.class.getName() + "$";

    private static CaravanFixture fixture;
    private static final List<Synchronization> releasesAdded = new CopyOnWriteArrayList<>();
    private static final AtomicInteger heldAtTheEnd = new AtomicInteger(-1);

    @BeforeAll
    static void start() throws Exception {
        fixture = CaravanFixture.start("release");
        fixture.caravan.context().getCamelContextExtension().addContextPlugin(UnitOfWorkFactory.class, WatchedUnitOfWork::new);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void everyResponseIsReleasedWithItsPageNotAtTheEndOfTheRun() throws Exception {
        fixture.caravan.addSource("release", Map.of("url", fixture.sandbox.url() + "/stripe/v1/customers?records=6000&limit=100",
                "pagination", "lastRecordCursor", "cursorParam", "starting_after", "cursorField", "$.id",
                "hasMorePath", "$.has_more", "recordsPath", "$.data", "keyPath", "$.id", "table", fixture.table));

        RunSummary summary = fixture.caravan.run("release");

        assertThat(summary.recordsLoaded()).isEqualTo(6_000);
        assertThat(fixture.landed("release").checksum()).isEqualTo(fixture.dataSet(6_000).checksum());
        assertThat(releasesAdded).as("camel-http's releases, one per request").hasSize(60);
        assertThat(heldAtTheEnd.get()).as("releases still held by the run when it ended").isZero();
    }

    /** Camel's unit of work, noting camel-http's releases added to it and how many it still holds when done. */
    private static final class WatchedUnitOfWork extends DefaultUnitOfWork {

        private final List<Synchronization> added = new CopyOnWriteArrayList<>();

        WatchedUnitOfWork(Exchange exchange) {
            super(exchange);
        }

        @Override
        public void addSynchronization(Synchronization synchronization) {
            super.addSynchronization(synchronization);
            if (synchronization.getClass().getName().startsWith(HTTP_RELEASE)) {
                added.add(synchronization);
                releasesAdded.add(synchronization);
            }
        }

        @Override
        public void done(Exchange exchange) {
            if (!added.isEmpty()) {
                heldAtTheEnd.set((int) added.stream().filter(this::containsSynchronization).count());
            }
            super.done(exchange);
        }
    }
}
