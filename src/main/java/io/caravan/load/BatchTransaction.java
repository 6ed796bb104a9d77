package io.caravan.load;

import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Camel {@link Policy} that runs the processors it wraps in one database transaction (Spring's
 * {@link DataSourceTransactionManager}): the sink's batch and the state that follows it commit
 * together or not at all. Unlike a transacted route, it leaves the route's error handler alone, so
 * only the flush is transactional and the page loop keeps its redelivery.
 */
public final class BatchTransaction implements Policy {

    private final Supplier<DataSource> dataSource;
    private final int timeoutSeconds;
    private volatile TransactionTemplate required;
    private volatile TransactionTemplate separate;
    private volatile TransactionTemplate nested;

    /**
     * Transactions on {@code dataSource}, looked up on first use (the route may be created before the
     * bean), each with {@code timeout} as its deadline: its statements get what remains of it.
     */
    public BatchTransaction(Supplier<DataSource> dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    /** Runs {@code work} in a transaction of its own, even when one is open on this thread. */
    public void separately(Runnable work) {
        templates();
        separate.executeWithoutResult(status -> work.run());
    }

    /**
     * Runs {@code work} inside the transaction open on this thread, behind a savepoint: when it throws,
     * only its own statements are rolled back.
     */
    public void savepoint(Runnable work) {
        templates();
        nested.executeWithoutResult(status -> work.run());
    }

    /** As {@link #separately(Runnable)}, returning what {@code work} returns. */
    public <T> T separatelyGet(Supplier<T> work) {
        templates();
        return separate.execute(status -> work.get());
    }

    /**
     * Runs {@code work} once the transaction open on this thread has ended (committed or rolled
     * back), or at once when none is: work there neither joins a rollback nor waits on its locks.
     */
    public static void afterCurrent(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> {
            boolean wasTransacted = exchange.isTransacted();
            // Transacted, the exchange tells camel-sql not to commit its batch itself, and keeps every
            // processor inside on this thread, the one the transaction is bound to.
            exchange.getExchangeExtension().setTransacted(true);
            try {
                templates().executeWithoutResult(status -> {
                    try {
                        processor.process(exchange);
                    } catch (Exception e) {
                        exchange.setException(e);
                    }
                    if (exchange.getException() != null) {
                        status.setRollbackOnly();
                    }
                });
            } catch (RuntimeException commitOrRollbackFailed) {
                // The database went away: the commit failed, or the rollback after the sink's own failure
                // did; that first failure, if any, is the cause to report.
                if (exchange.getException() == null) {
                    exchange.setException(commitOrRollbackFailed);
                } else {
                    exchange.getException().addSuppressed(commitOrRollbackFailed);
                }
            } finally {
                exchange.getExchangeExtension().setTransacted(wasTransacted);
            }
            if (exchange.getException() != null) {
                // A sink route's own error handler may have exhausted the failure; the route around the
                // flush must still handle it, now that the transaction has ended.
                exchange.getExchangeExtension().setRedeliveryExhausted(false);
                exchange.getExchangeExtension().setFailureHandled(false);
                exchange.getExchangeExtension().setErrorHandlerHandled(null);
            }
        };
    }

    private synchronized TransactionTemplate templates() {
        if (required == null) {
            DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource.get());
            TransactionTemplate own = new TransactionTemplate(manager);
            own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            own.setTimeout(timeoutSeconds);
            separate = own;
            TransactionTemplate joined = new TransactionTemplate(manager);
            joined.setTimeout(timeoutSeconds);
            required = joined;
            TransactionTemplate inner = new TransactionTemplate(manager);
            inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            nested = inner;
        }
        return required;
    }
}
