package org.impactledger.projections.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A projection's changes held for the whole batch of events a tracking processor hands over, and
 * written once, when the batch's unit of work prepares to commit (contract-state, journal,
 * sdg-impact, payment-audit): one write per row per batch, in JDBC batches, instead of statements per event.
 *
 * <p>Within a processor's unit of work each event's change joins the batch's writes, made on its first
 * change and given the batch's events ({@link Batch}): their identifiers, to look up at once which of
 * them were applied before ({@link StoredKeys}), and the messages, to read at once the rows they will
 * ask for. Outside one (a direct call, as tests make) the change is written
 * at once through the same code. Either way the event's handling runs in a transaction (the
 * processor's, joined), so an exception anywhere in the batch, the final write included, rolls the
 * whole batch back: a batch is applied entirely or not at all.
 *
 * @param <W> the projection's held changes
 */
public final class BatchWrites<W extends BatchWrites.Held> {

    /** Changes held in memory until {@link #flush()} writes them. */
    public interface Held {
        /** Writes what is held; what was written is then the stored state. */
        void flush();
    }

    /**
     * The events of the batch a processor hands over (none outside one): their identifiers (for
     * {@link StoredKeys}) and the messages, from which a projection may read at once the rows the
     * batch's events will ask for.
     */
    public static final class Batch {
        private static final Batch NONE = new Batch(List.of());

        private final List<? extends EventMessage<?>> messages;

        private Batch(List<? extends EventMessage<?>> messages) {
            this.messages = messages;
        }

        /** The identifiers of the batch's events. */
        public Collection<String> eventIds() {
            return messages.stream().map(Message::getIdentifier).toList();
        }

        /** The batch's events, in the order they are handled (their payloads are deserialized when read). */
        public List<? extends EventMessage<?>> messages() {
            return messages;
        }
    }

    private final TransactionTemplate transaction;
    private final Function<Batch, W> create;
    private final String key = BatchWrites.class.getName() + "@" + System.identityHashCode(this);

    /**
     * @param create makes the held changes, given the batch's events (none outside a batch)
     */
    public BatchWrites(TransactionTemplate transaction, Function<Batch, W> create) {
        this.transaction = transaction;
        this.create = create;
    }

    /** Applies one event's change: held for the batch within a processor's unit of work, else written at once. */
    public void apply(Consumer<W> change) {
        transaction.executeWithoutResult(status -> {
            if (CurrentUnitOfWork.isStarted()) {
                change.accept(ofBatch(CurrentUnitOfWork.get().root()));
            } else {
                W writes = create.apply(Batch.NONE);
                change.accept(writes);
                writes.flush();
            }
        });
    }

    private static Batch batchOf(BatchingUnitOfWork<?> unitOfWork) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Message<?> message : unitOfWork.getMessages()) {
            if (message instanceof EventMessage<?> event) {
                messages.add(event);
            }
        }
        return new Batch(messages);
    }

    private W ofBatch(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(key, k -> {
            W writes = create.apply(unitOfWork instanceof BatchingUnitOfWork<?> batch ? batchOf(batch) : Batch.NONE);
            unitOfWork.onPrepareCommit(u -> transaction.executeWithoutResult(status -> writes.flush()));
            return writes;
        });
    }
}
