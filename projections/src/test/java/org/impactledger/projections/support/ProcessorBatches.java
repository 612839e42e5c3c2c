package org.impactledger.projections.support;

import java.util.List;
import java.util.function.Consumer;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * One batch of events as a tracking processor hands it over: one {@link BatchingUnitOfWork} with one
 * transaction, so that projections holding a batch's writes write them when it commits, and a failure
 * anywhere rolls the whole batch back.
 */
public final class ProcessorBatches {

    /** Handles one event of the batch, as the processor's handler adapter would. */
    @FunctionalInterface
    public interface Handler {
        void handle(EventMessage<?> message) throws Exception;
    }

    private ProcessorBatches() {
    }

    /**
     * Delivers the events in batches of {@code size}, each first half-applied (a batch that failed
     * half-way, whose writes a crash left behind) and then delivered again in full: how a redelivery
     * after a crash looks to a projection.
     */
    public static <E> void halfAppliedThenWhole(List<E> events, int size, Consumer<List<E>> inBatch) {
        int start = 0;
        while (start < events.size()) {
            int end = Math.min(start + size, events.size());
            inBatch.accept(events.subList(start, (start + end) / 2));
            inBatch.accept(events.subList(start, end));
            start = end;
        }
    }

    /** Handles {@code batch} in one batching unit of work and one transaction; the failure, if any, is thrown. */
    public static void inBatch(PlatformTransactionManager transactions, List<? extends EventMessage<?>> batch, Handler handler) {
        if (batch.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
        unitOfWork.attachTransaction(() -> {
            TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
            return new Transaction() {
                @Override
                public void commit() {
                    transactions.commit(status);
                }

                @Override
                public void rollback() {
                    transactions.rollback(status);
                }
            };
        });
        var result = unitOfWork.executeWithResult(() -> {
            handler.handle(unitOfWork.getMessage());
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }
}
