package org.gongzhang.service.axon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Commits that follow each other within {@code window} wake the reader once, at the end of the
 * window: the processors follow the log in batches of what was committed meanwhile instead of one
 * batch per commit (a group commit of about two appends at 8 clients). A batch costs them round trips
 * whatever its size, and following the log one commit at a time cost ~1 ms of CPU per append against
 * ≤ 0.43 ms per event when they caught up in large batches (docs/benchmarks.md, 2026-12-05 23:28). A
 * commit after a quiet window wakes the reader at once; a zero window wakes it at every commit.
 */
final class LedgerEventStore extends EmbeddedEventStore {

    private final LedgerEventStorage storage;
    /** When to wake the reader; null with a zero window (at every commit). */
    private final FollowWindow window;
    private final ScheduledExecutorService waker;

    LedgerEventStore(Builder builder, LedgerEventStorage storage, Duration window) {
        super(builder.storageEngine(storage));
        this.storage = storage;
        boolean windowed = window.toNanos() > 0;
        this.window = windowed ? new FollowWindow(window, System.nanoTime()) : null;
        this.waker = windowed ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-store-waker");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    @Override
    public void shutDown() {
        if (waker != null) {
            waker.shutdownNow();
        }
        super.shutDown();
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
        long wait = window == null ? 0 : window.commit(System.nanoTime());
        if (wait == 0) {
            super.afterCommit(events);
        } else if (wait > 0) {
            try {
                waker.schedule(() -> wake(events), wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shutDown) {
                wake(events);
            }
        }
        // else the wake-up already due reads these events too
    }

    private void wake(List<? extends EventMessage<?>> events) {
        window.woken(System.nanoTime());
        super.afterCommit(events);
    }
}
