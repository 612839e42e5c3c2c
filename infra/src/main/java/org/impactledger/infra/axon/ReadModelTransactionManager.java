package org.impactledger.infra.axon;

import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * The transaction manager of the event processors, which maintain read models: on PostgreSQL each
 * of their transactions commits asynchronously ({@code SET LOCAL synchronous_commit TO OFF}), so
 * it does not wait for its WAL record to reach the disk.
 *
 * <h2>Why this is safe for a read model, and only for one</h2>
 * A read model is derived data: the events it is built from are committed durably by the command
 * side, which keeps PostgreSQL's synchronous commit. A processor's table changes and its tracking
 * token are written in one transaction; PostgreSQL's asynchronous commit never breaks atomicity or
 * consistency, it can only lose the last transactions (at most three times {@code wal_writer_delay},
 * 600 ms by default) if the database server itself crashes. Those transactions are then lost whole,
 * tokens included, so after the restart the processor reads the same events again from its older
 * token and writes them again: the same rows as before the crash. A processor that sent commands or
 * mail would repeat them; none of the ledger's does (they only write read models), which is why this
 * manager is registered for event processors and never for the command side.
 *
 * <p>Without it each processor's batch waits for a disk flush: with ten read models that is about ten
 * flushes for every command at low load, competing with the commands' own durable commits.
 */
public final class ReadModelTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final DataSource dataSource;
    private final boolean asynchronousCommit;

    /**
     * @param asynchronousCommit whether to commit asynchronously; only meaningful (and only to be set)
     *                           on PostgreSQL
     */
    public ReadModelTransactionManager(TransactionManager delegate, DataSource dataSource, boolean asynchronousCommit) {
        this.delegate = delegate;
        this.dataSource = dataSource;
        this.asynchronousCommit = asynchronousCommit;
    }

    public boolean asynchronousCommit() {
        return asynchronousCommit;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        if (asynchronousCommit) {
            try {
                commitAsynchronously();
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        }
        return transaction;
    }

    private void commitAsynchronously() {
        // SET LOCAL lasts until the transaction's commit or rollback
        TransactionSettings.apply(dataSource, "SET LOCAL synchronous_commit TO OFF", "switch the read-model transaction to asynchronous commit");
    }
}
