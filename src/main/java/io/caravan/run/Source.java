package io.caravan.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.caravan.cluster.SharedPass;
import io.caravan.config.SourceSettings;
import io.caravan.load.BatchTransaction;
import io.caravan.load.BoundedDataSource;
import io.caravan.load.DefaultDataSource;
import io.caravan.load.RefusedRecords;
import io.caravan.paging.PageRecords;
import io.caravan.records.RecordRows;
import io.caravan.records.SeenKeys;
import io.caravan.request.HostBudget;
import io.caravan.request.HostBudgets;
import io.caravan.request.SharedHostBudget;
import io.caravan.response.ResponseStep;
import io.caravan.state.CheckpointStore;
import io.caravan.state.LandedPages;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * One source and what its runs share: its settings, the record keys seen in the current run, the
 * rows it makes of records, its database transaction and checkpoint store, its host's budget, and
 * whether a run of it is going. It is put on the exchange of each of its runs.
 */
public final class Source {

    /** Exchange property holding the source. */
    public static final String PROPERTY = "CaravanSource";
    /** Requests per second an adaptive budget starts at when no rate is given. */
    private static final int ADAPTIVE_START = 10;

    private final SourceSettings settings;
    private final CamelContext context;
    private final SeenKeys seenKeys;
    // Collected records keep their decimals exact (BigDecimal, not double).
    private final ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final RecordRows rows;
    private final BatchTransaction transaction;
    private final HostBudget budget;
    private final ResponseStep responses;
    private final RefusedRecords refusals;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile CheckpointStore store;
    private volatile LandedPages landedPages;
    private volatile boolean failedPagesPending;
    private volatile BoundedDataSource bounded;
    private volatile SourceMeters meters;
    private final SharedPass sharedPass;
    private final SharedHostBudget sharedBudget;

    public Source(SourceSettings settings, CamelContext context) {
        this.settings = settings;
        this.context = context;
        int perSecond = settings.limits().requestsPerSecond();
        this.budget = settings.limits().budgeted()
                ? HostBudgets.of(context).of(settings.request().first().origin(), perSecond > 0 ? perSecond : ADAPTIVE_START,
                        settings.limits().adaptiveRate(), settings.limits().maxConcurrentRequests())
                : null;
        this.seenKeys = new SeenKeys(settings.records().dedupeWindow());
        this.rows = new RecordRows(settings.source(), settings.records().key(), settings.records().layout(), mapper);
        this.transaction = new BatchTransaction(this::dataSource, settings.load().dbTimeout());
        this.responses = new ResponseStep(settings.source(), settings.limits(), budget,
                settings.records().streamedPath() == null ? null : exchange -> PageRecords.streamed(this, exchange));
        this.refusals = new RefusedRecords(this);
        this.sharedPass = settings.plan().sharePass()
                ? new SharedPass(settings.source(), SharedPass.processName(), settings.plan().sessionLeaseMs(), context) : null;
        this.sharedBudget = sharedPass != null && rateLimited() ? new SharedHostBudget(() -> store.rateSlots(), transaction) : null;
    }

    /** The source running on {@code exchange} (set when its run starts), or {@code null}. */
    public static Source of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, Source.class);
    }

    public SourceSettings settings() {
        return settings;
    }

    /** The source's meters, made on first use (when the context's meter registry is bound). */
    public SourceMeters meters() {
        SourceMeters current = meters;
        if (current == null) {
            synchronized (this) {
                if (meters == null) {
                    meters = SourceMeters.in(context, name());
                }
                current = meters;
            }
        }
        return current;
    }

    /** The source's name. */
    public String name() {
        return settings.source();
    }

    /** The record keys seen in the current run (the most recent {@code dedupeWindow} of them). */
    public SeenKeys seenKeys() {
        return seenKeys;
    }

    /** Turns records into the rows a sink receives. */
    public RecordRows rows() {
        return rows;
    }

    /** Reads a record's JSON back, for collect mode. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The transaction of a flush and of the checkpoint store's own writes. */
    public BatchTransaction transaction() {
        return transaction;
    }

    /** The budget of the source's API host, or {@code null} when its requests are not throttled. */
    public HostBudget budget() {
        return budget;
    }

    /** Reads the source's responses. */
    public ResponseStep responses() {
        return responses;
    }

    /** Lands a batch the database refused a record of, one record at a time, quarantining the refused. */
    public RefusedRecords refusals() {
        return refusals;
    }

    /** Whether the host's requests per second are limited (known or adaptive). */
    public boolean rateLimited() {
        return settings.limits().requestsPerSecond() > 0 || settings.limits().adaptiveRate();
    }

    /** The pass shared with the other replicas running the source, or {@code null} when each runs its own. */
    public SharedPass sharedPass() {
        return sharedPass;
    }

    /**
     * The host's rate budget held across the replicas sharing the source's pass, in the shared store,
     * or {@code null} when this process alone holds it (with the Throttle EIP).
     */
    public SharedHostBudget sharedBudget() {
        return sharedBudget;
    }

    /** Marks a run going; false when one already is. */
    public boolean claim() {
        return running.compareAndSet(false, true);
    }

    /** The run ended (its summary is published): the next trigger may start another. */
    public void release() {
        running.set(false);
    }

    /** The checkpoint store, opened on first use, or {@code null} before then. */
    public CheckpointStore store() {
        return store;
    }

    /** The checkpoint store, opened (and the landed pages read) on first use. */
    public CheckpointStore openStore() throws Exception {
        if (store == null) {
            synchronized (this) {
                if (store == null) {
                    CheckpointStore opened = CheckpointStore.open(dataSource());
                    if (sharedPass != null) {
                        // Its saves are fenced by its leases.
                        opened = opened.leasedBy(sharedPass.replica());
                    }
                    landedPages = opened.landedPages(settings.source());
                    store = opened;
                }
            }
        }
        return store;
    }

    /** The pages landed in the current pass. */
    public LandedPages landedPages() {
        return landedPages;
    }

    /** Whether failed pages of the source are recorded in the ledger (landed ones are resolved there). */
    public boolean failedPagesPending() {
        return failedPagesPending;
    }

    public void failedPagesPending(boolean pending) {
        failedPagesPending = pending;
    }

    /** The DataSource bean of the sink and the checkpoints, with every wait for it bounded ({@code dbTimeoutMs}). */
    public BoundedDataSource dataSource() {
        DataSource bean = context.getRegistry().lookupByNameAndType(settings.load().dataSource(), DataSource.class);
        if (bean == null && DefaultDataSource.BEAN.equals(settings.load().dataSource())) {
            bean = DefaultDataSource.in(context);
        }
        if (bean == null) {
            throw new IllegalStateException("no DataSource bean named '" + settings.load().dataSource() + "'");
        }
        BoundedDataSource current = bounded;
        if (current == null || current.getTargetDataSource() != bean) {
            current = new BoundedDataSource(bean, settings.load().dbTimeout());
            bounded = current;
        }
        return current;
    }
}
