package org.impactledger.infra.axon;

import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
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
 *
 * <p>Cost: on PostgreSQL one statement ({@link #SNAPSHOT}) that the driver sends with the transaction's
 * {@code BEGIN}. Setting the level through JDBC instead (Spring's isolation and read-only flags) took two
 * more round trips per query, to set the connection's level and to put it back: 0.3–0.5 ms on every
 * report at 1M events (bench/RESULTS.md, "eighth session").
 */
public final class QuerySnapshotTransactionManager implements TransactionManager {

    /** The first statement of a query's own transaction on PostgreSQL: it sets the level of that transaction only. */
    static final String SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    private final PlatformTransactionManager transactionManager;
    private final DataSource dataSource;
    private final boolean postgreSql;
    private final TransactionManager defaults;
    private final TransactionManager portableQueries;

    /**
     * @param dataSource the data source {@code transactionManager} manages
     * @param postgreSql whether it is PostgreSQL: a query's transaction then begins with {@link #SNAPSHOT}, one
     *                   statement sent with the {@code BEGIN}; elsewhere (H2) the connection's isolation and read-only
     *                   flag are set for the transaction and put back after it, as Spring does, at two more round trips
     */
    public QuerySnapshotTransactionManager(PlatformTransactionManager transactionManager, DataSource dataSource, boolean postgreSql) {
        this.transactionManager = transactionManager;
        this.dataSource = dataSource;
        this.postgreSql = postgreSql;
        this.defaults = new SpringTransactionManager(transactionManager);
        this.portableQueries = new SpringTransactionManager(transactionManager, querySnapshot());
    }

    /** The definition of a query's transaction where the isolation is set through JDBC: read-only, one snapshot. */
    private static TransactionDefinition querySnapshot() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setReadOnly(true);
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setName("ledger-query");
        return definition;
    }

    @Override
    public Transaction startTransaction() {
        if (!handlingQuery()) {
            return defaults.startTransaction();
        }
        return postgreSql ? snapshotOnPostgreSql() : portableQueries.startTransaction();
    }

    /** Spring's default transaction, switched to the snapshot by its first statement when it is new (a joined one keeps its level). */
    private Transaction snapshotOnPostgreSql() {
        TransactionStatus status = transactionManager.getTransaction(TransactionDefinition.withDefaults());
        if (status.isNewTransaction()) {
            try {
                TransactionSettings.apply(dataSource, SNAPSHOT, "begin the query's read-only snapshot");
            } catch (RuntimeException e) {
                transactionManager.rollback(status);
                throw e;
            }
        }
        return new Transaction() {
            @Override
            public void commit() {
                if (status.isNewTransaction() && !status.isCompleted()) {
                    transactionManager.commit(status);
                }
            }

            @Override
            public void rollback() {
                if (status.isNewTransaction() && !status.isCompleted()) {
                    transactionManager.rollback(status);
                }
            }
        };
    }

    private static boolean handlingQuery() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof QueryMessage<?, ?>;
    }
}
