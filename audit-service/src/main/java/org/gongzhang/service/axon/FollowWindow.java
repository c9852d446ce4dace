package org.gongzhang.service.axon;

import java.time.Duration;

/**
 * When the event store's tail reader is woken for a commit ({@link LedgerEventStore}): at once when
 * it was last woken a whole window ago or more, else once at the end of the window, for every commit
 * within it. Times are {@link System#nanoTime()} readings.
 */
final class FollowWindow {

    /** {@link #commit}'s answer when a wake-up is already due: nothing to do. */
    static final long ALREADY_DUE = -1;

    private final long windowNanos;
    private long wokenAt;
    private boolean due;

    FollowWindow(Duration window, long now) {
        this.windowNanos = window.toNanos();
        this.wokenAt = now - windowNanos;
    }

    /**
     * A commit at {@code now}: 0 to wake the reader now (counted as woken), the nanoseconds to wait
     * before waking it (a wake-up is then due), or {@link #ALREADY_DUE}.
     */
    synchronized long commit(long now) {
        if (due) {
            return ALREADY_DUE;
        }
        long wait = wokenAt + windowNanos - now;
        if (wait <= 0) {
            wokenAt = now;
            return 0;
        }
        due = true;
        return wait;
    }

    /** The wake-up that was due happened at {@code now}. */
    synchronized void woken(long now) {
        due = false;
        wokenAt = now;
    }
}
