package org.gongzhang.service.axon;

/**
 * Appends of events held back until a batch of work is done, then sent to the database together
 * ({@link LedgerEventStorage}): a group commit's appends to its different books cost one round trip
 * for all their events and index rows instead of one each.
 */
public interface HeldAppends {

    /**
     * Once this many appends are held, they are sent ahead while the work goes on, in its transaction
     * (on its connection), so that the database stores them while the next are built.
     */
    int SEND_AHEAD = 25;

    /**
     * Runs {@code work}, in a transaction, holding back the events (and their rows) it stores on this
     * thread, then stores them in one round trip, or, more than {@link #SEND_AHEAD}, in parts of that
     * many sent as the work goes on and the rest at its end. When {@code work} throws, or a part
     * fails, it throws (its transaction must roll back). Nothing is held back on other threads.
     */
    void together(Runnable work);

    /**
     * Inside {@link #together} on this thread: holds {@code rows}, a statement that belongs to the
     * work but to no event, to be sent after everything held so far, in the same round trip, and
     * answers true. Outside it: holds nothing and answers false (the caller runs its statement itself).
     */
    boolean alsoSend(RowsWithEvents.Rows rows);
}
