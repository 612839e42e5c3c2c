package org.impactledger.infra.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The ledger's Axon transaction manager: commands, the event store and the read models' processors
 * get Spring's default transaction (READ COMMITTED on PostgreSQL); a query handler gets a read-only
 * {@code REPEATABLE READ} one, so that every statement of a report reads the same snapshot.
 *
 * <h2>Why at this depth</h2>
 * A report reads its read model in several statements (the flows, then the valuation; a page, then
 * its total). Under READ COMMITTED a read-model batch that commits between two of them shows the
 * report half of it: a valuation without the distribution committed with it. The read models'
 * processors commit a batch of events at once, and the more events a batch gathers (see
 * {@code ledger.axon.read-models.live-batch-linger}) the likelier that is. On PostgreSQL
 * {@code REPEATABLE READ} is a snapshot taken at the transaction's first statement; a read-only
 * transaction never meets a serialization failure.
 *
 * <p>Axon's query bus (the local {@code SimpleQueryBus} and, under the Axon Server profile, the local
 * segment of {@code AxonServerQueryBus}) takes the one {@link TransactionManager} bean and starts its
 * transaction inside the query's unit of work. This manager tells a query from anything else by that
 * unit of work's message, so both buses get the snapshot without rebuilding Axon's beans. A query
 * dispatched inside a command's transaction joins that transaction, as Spring joins any.
 */
public final class QuerySnapshotTransactionManager implements TransactionManager {

    private final TransactionManager defaults;
    private final TransactionManager queries;

    public QuerySnapshotTransactionManager(PlatformTransactionManager transactionManager) {
        this.defaults = new SpringTransactionManager(transactionManager);
        this.queries = new SpringTransactionManager(transactionManager, querySnapshot());
    }

    /** The definition of a query's transaction: read-only, one snapshot. */
    public static TransactionDefinition querySnapshot() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setReadOnly(true);
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setName("ledger-query");
        return definition;
    }

    @Override
    public Transaction startTransaction() {
        return (handlingQuery() ? queries : defaults).startTransaction();
    }

    private static boolean handlingQuery() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof QueryMessage<?, ?>;
    }
}
