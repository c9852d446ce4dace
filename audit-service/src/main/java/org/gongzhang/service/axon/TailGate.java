package org.gongzhang.service.axon;

import java.time.Duration;

/**
 * Decides whether the event store's tail read goes to the database ({@link LedgerEventStorage}). It
 * does when events were committed on this node since the last read began, when the last read came
 * back full (more may follow), when the last read failed, and when the last read is older than
 * {@code quiet} (events committed by other nodes sharing the database, or lying beyond a gap in the
 * global index wider than a batch, turn up within it). Otherwise the log's tail is where the last
 * read found it. Times are {@link System#nanoTime()} readings.
 */
final class TailGate {

    private final long quietNanos;
    private long commits;
    private long commitsAtRead = -1;
    private long readAt;
    private boolean full;
    private long reads;

    TailGate(Duration quiet) {
        this.quietNanos = quiet.toNanos();
    }

    /** Events were committed on this node (and can be read now). */
    synchronized void committed() {
        commits++;
    }

    /** Whether a tail read at {@code now} may find something: if so, the read counts as begun. */
    synchronized boolean read(long now) {
        if (commits == commitsAtRead && !full && now - readAt < quietNanos) {
            return false;
        }
        commitsAtRead = commits;
        readAt = now;
        reads++;
        return true;
    }

    /** The read begun last found {@code found} events of a batch of at most {@code batchSize}. */
    synchronized void found(int found, int batchSize) {
        full = found >= batchSize;
    }

    /** How many reads it let go to the database. */
    synchronized long reads() {
        return reads;
    }

    /** The read begun last failed: the next one goes to the database whatever happened since. */
    synchronized void failed() {
        commitsAtRead = -1;
    }
}
