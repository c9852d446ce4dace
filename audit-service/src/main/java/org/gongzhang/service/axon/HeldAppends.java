package org.gongzhang.service.axon;

/**
 * Appends of events held back until a batch of work is done, then sent to the database together
 * ({@link LedgerEventStorage}): a group commit's appends to its different books cost one round trip
 * for all their events and index rows instead of one each.
 */
public interface HeldAppends {

    /**
     * Runs {@code work}, in a transaction, holding back the events (and their rows) it stores on this
     * thread, then stores them all in one round trip. When {@code work} throws, nothing held is sent
     * (its transaction must roll back). Nothing is held back on other threads.
     */
    void together(Runnable work);

    /**
     * Inside {@link #together} on this thread: holds {@code rows}, a statement that belongs to the
     * work but to no event, to be sent after everything held so far, in the same round trip, and
     * answers true. Outside it: holds nothing and answers false (the caller runs its statement itself).
     */
    boolean alsoSend(RowsWithEvents.Rows rows);
}
