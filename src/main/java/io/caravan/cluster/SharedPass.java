package io.caravan.cluster;

import io.caravan.plan.RunPlanner;
import io.caravan.plan.Session;
import io.caravan.run.Run;
import io.caravan.state.CheckpointStore;
import io.caravan.state.RunStatus;
import io.caravan.state.SessionLease;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pass of a source shared by every replica that runs it ({@code sharePass}): each of its sessions
 * (the slices of a backfill, page ranges) is fetched by whichever replica is free to lease it. The
 * lease lives in the session's own checkpoint row in the shared store, taken by a conditional
 * {@code UPDATE} (atomic on every supported database), renewed every third of its length while the
 * replica holds it, given up when the session ends, and taken over by another replica once it has
 * expired (its holder died). A replica with nothing left to take waits on the others' leases until
 * every session is done, so that each replica's run ends only when the whole pass has.
 */
public final class SharedPass {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPass.class);

    /** What a replica's attempt to lease a session found. */
    public enum Claim {
        /** The replica holds the session now. */
        TAKEN,
        /** Another replica holds it, or has read its last page. */
        HELD,
        /** It is gone: another replica split the slice in two halves. */
        GONE
    }

    private final String source;
    private final String replica;
    private final long leaseMillis;
    private final CamelContext context;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService renewals;

    /**
     * @param source      the source's name
     * @param replica     this replica's name among those sharing the store
     * @param leaseMillis how long a lease lasts without renewal: how long a dead replica's sessions wait
     * @param context     the Camel context whose executor renews the leases
     */
    public SharedPass(String source, String replica, long leaseMillis, CamelContext context) {
        this.source = source;
        this.replica = replica;
        this.leaseMillis = leaseMillis;
        this.context = context;
    }

    /** This process's name among replicas: its process id and host, unique among live processes. */
    public static String processName() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    /** This replica's name, as leases name their holder. */
    public String replica() {
        return replica;
    }

    /**
     * How long {@code run} waits before it looks at the others' leases again: a fifth of a lease when
     * it has nothing of its own to fetch and others hold sessions, else 0.
     */
    public long waitMillis(Run run) {
        return run.hasPending() || !run.waitsForOthers() ? 0 : Math.max(100, leaseMillis / 5);
    }

    /** Tries to lease {@code session} for this replica. */
    public Claim claim(CheckpointStore store, Session session) {
        long now = System.currentTimeMillis();
        if (store.claim(session.name(), replica, now + leaseMillis, now)) {
            held.add(session.name());
            renewLeases(store);
            return Claim.TAKEN;
        }
        return store.load(session.name()).isEmpty() ? Claim.GONE : Claim.HELD;
    }

    /** Gives the lease on {@code session} up: it ended here (done, failed or stopped). */
    public void release(CheckpointStore store, Session session) {
        held.remove(session.name());
        store.release(session.name(), replica);
    }

    /**
     * With nothing of its own left to fetch: looks at the sessions other replicas hold. Those done
     * count as done; those whose lease expired, or that were given up unfinished, are taken over (this
     * run fetches them next, from their checkpoints), unless this run fetched them already; those
     * still held are waited on; halves another replica split a slice into join the pass.
     */
    public void watch(Run run, CheckpointStore store, RunPlanner planner) {
        if (run.hasPending() || !run.waitsForOthers()) {
            return;
        }
        long now = System.currentTimeMillis();
        Optional<SessionLease> own = store.sessionLease(source);
        String mark = own.map(lease -> lease.checkpoint().highWaterMark()).orElse(null);
        // The source's own session, when another replica has it, read before the others: it ends in the
        // transaction that writes the page ranges it hands over, which the next query then sees.
        Map<String, SessionLease> rows = new HashMap<>();
        if (run.elsewhereNames().contains(source)) {
            own.ifPresent(lease -> rows.put(source, lease));
        }
        store.sessionLeases(source).forEach(lease -> rows.put(lease.checkpoint().source(), lease));
        run.elsewhereNames().stream().filter(name -> !rows.containsKey(name)).forEach(run::goneElsewhere);
        for (SessionLease lease : rows.values()) {
            String name = lease.checkpoint().source();
            // One this run fetched is not taken again, unless another replica took it from it and it waits on that one.
            if (run.fetchedHere(name) && !run.elsewhereNames().contains(name)) {
                continue;
            }
            if (lease.checkpoint().status() == RunStatus.COMPLETED) {
                run.doneElsewhere(name);
            } else if (lease.takableBy(replica, now)) {
                Session session = planner.resumed(lease.checkpoint(), mark);
                if (lease.owner() != null) {
                    LOG.info("{}: taking {} over from replica {}, whose lease expired", source, session.describe(), lease.owner());
                }
                run.takeOver(session);
            } else {
                run.heldElsewhere(planner.resumed(lease.checkpoint(), mark));
            }
        }
    }

    /** Starts renewing the leases this replica holds, every third of a lease, on first use. */
    private void renewLeases(CheckpointStore store) {
        if (renewals != null) {
            return;
        }
        synchronized (this) {
            if (renewals == null) {
                long every = Math.max(1, leaseMillis / 3);
                renewals = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "caravan-leases-" + source);
                renewals.scheduleAtFixedRate(() -> renew(store), every, every, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void renew(CheckpointStore store) {
        for (String session : held) {
            try {
                if (!store.renew(session, replica, System.currentTimeMillis() + leaseMillis)) {
                    held.remove(session);
                    LOG.warn("{}: lost the lease on {} to another replica; its next commit is refused", source, session);
                }
            } catch (RuntimeException e) {
                // The store unreachable: the lease runs on until the next renewal, or expires.
                LOG.warn("{}: could not renew the lease on {}: {}", source, session, e.getMessage());
            }
        }
    }
}
