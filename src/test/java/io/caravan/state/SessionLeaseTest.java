package io.caravan.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.caravan.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The leases of a pass shared by replicas and the host's shared request slots, on every supported
 * database: a session is taken by one replica at a time, taken over once its lease expired, never once
 * done; a replica whose lease passed to another cannot move its checkpoint; slots are spaced.
 */
class SessionLeaseTest {

    static List<String> databases() {
        return TestDatabase.dialectUrls();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionIsLeasedToOneReplicaAtATimeAndTakenOverOnlyOnceItsLeaseExpired(String url) throws Exception {
        try (HikariDataSource dataSource = TestDatabase.dataSource(url)) {
            CheckpointStore store = CheckpointStore.open(dataSource);
            String source = "lease" + UUID.randomUUID().toString().substring(0, 8);
            String slice = source + "/1..2";
            store.save(running(slice, 0));
            long now = 1_000_000;

            assertThat(store.claim(slice, "a", now + 3_000, now)).isTrue();
            assertThat(store.claim(slice, "b", now + 3_000, now + 2_999)).as("a's lease runs").isFalse();
            assertThat(store.renew(slice, "b", now + 9_000)).as("b holds none").isFalse();
            assertThat(store.renew(slice, "a", now + 6_000)).isTrue();
            assertThat(store.claim(slice, "b", now + 9_000, now + 5_999)).as("renewed").isFalse();
            store.leasedBy("a").save(running(slice, 1));

            assertThat(store.claim(slice, "b", now + 9_000, now + 6_001)).as("expired: taken over").isTrue();
            assertThatThrownBy(() -> store.leasedBy("a").save(running(slice, 2))).isInstanceOf(LeaseLostException.class)
                    .hasMessage("session '" + slice + "' is leased to another replica now: this replica's lease expired"
                            + " before it committed");
            assertThat(store.load(slice).orElseThrow().pages()).as("a's refused commit moved nothing").isEqualTo(1);
            assertThat(store.sessionLeases(source)).singleElement().satisfies(lease -> {
                assertThat(lease.owner()).isEqualTo("b");
                assertThat(lease.until()).isEqualTo(now + 9_000);
            });

            store.leasedBy("b").save(running(slice, 2).ended(RunStatus.COMPLETED, null));
            store.release(slice, "b");
            assertThat(store.claim(slice, "a", now + 20_000, now + 10_000)).as("done: never taken again").isFalse();
            assertThat(store.sessionLeases(source)).singleElement().satisfies(lease -> {
                assertThat(lease.owner()).isNull();
                assertThat(lease.checkpoint().pages()).isEqualTo(2);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void requestSlotsOfAHostAreSpacedWhoeverBooksThem(String url) throws Exception {
        try (HikariDataSource dataSource = TestDatabase.dataSource(url)) {
            RateSlots slots = CheckpointStore.open(dataSource).rateSlots();
            String host = "http://127.0.0.1:" + UUID.randomUUID();
            slots.ensureHost(host);
            slots.ensureHost(host);
            long now = 5_000_000;

            List<Long> booked = new ArrayList<>();
            for (int request = 0; request < 4; request++) {
                booked.add(slots.book(host, 25, now));
            }
            booked.add(slots.book(host, 25, now + 500));

            assertThat(booked).containsExactly(now, now + 25, now + 50, now + 75, now + 500);
        }
    }

    private static Checkpoint running(String session, long pages) {
        return new Checkpoint(session, RunStatus.RUNNING, null, 0, null, null, null, pages, pages * 10, null, Instant.now());
    }
}
