package org.gongzhang.service.axon;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, waking its tail reader when the events' transaction has committed.
 * An append runs its unit of work inside a longer transaction ({@code BookWrites}'), which Axon's
 * unit of work ends before that transaction commits; Axon woke the reader then, when the events
 * could not be seen yet, so the processors got an entry only with the next append or a poll
 * later. Here the wake-up waits for the commit of the transaction in progress, if there is one.
 */
final class LedgerEventStore extends EmbeddedEventStore {

    private final LedgerEventStorage storage;

    LedgerEventStore(Builder builder, LedgerEventStorage storage) {
        super(builder.storageEngine(storage));
        this.storage = storage;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed(events);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed(events);
            }
        });
    }

    private void committed(List<? extends EventMessage<?>> events) {
        storage.committed();
        super.afterCommit(events);
    }
}
