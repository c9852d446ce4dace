package org.gongzhang.service.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * When a book's snapshot is taken: once the entries since its last one (replayed or appended) reach
 * {@code every}, or {@code fraction} of the book's entries, whichever is more.
 *
 * <p>Axon builds a snapshot by loading the previous one, replaying the entries since and writing the
 * book's state again; the loading and the writing grow with the book's vouchers. With a fixed
 * interval, a large book pays that on every interval: growing one book through the append path, its
 * snapshots took 54 % of the JVM's CPU samples at 200,000 entries (JFR, 2026-12-06), and more the
 * larger it grew. Growing the interval with the book keeps a snapshot's cost per appended entry
 * about the same at every size (~{@code 1 / fraction} entries' worth of state), and a book that is not
 * in memory still loads from a snapshot and replays at most that share of its log. A book below
 * {@code every / fraction} entries (25,000 with the defaults) is snapshotted every {@code every}
 * entries, as before.
 */
final class BookSnapshots implements SnapshotTriggerDefinition {

    private final Snapshotter snapshotter;
    private final int every;
    private final double fraction;

    BookSnapshots(Snapshotter snapshotter, int every, double fraction) {
        if (every < 1 || !(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("a snapshot every 1 or more entries, and a fraction in [0, 1)");
        }
        this.snapshotter = snapshotter;
        this.every = every;
        this.fraction = fraction;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(snapshotter, aggregateType, every, fraction);
    }

    /** A cached book keeps its trigger, and with it the count since its last snapshot. */
    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof Trigger ours) {
            ours.setSnapshotter(snapshotter);
            return ours;
        }
        return prepareTrigger(aggregateType);
    }

    /** The entries since the last snapshot after which the next is due, for a book of {@code entries}. */
    static long interval(int every, double fraction, long entries) {
        return Math.max(every, (long) (fraction * entries));
    }

    private static final class Trigger extends AbstractSnapshotTrigger {

        private static final long serialVersionUID = 1L;

        private final int every;
        private final double fraction;
        private long since;
        private long entries;

        Trigger(Snapshotter snapshotter, Class<?> aggregateType, int every, double fraction) {
            super(snapshotter, aggregateType);
            this.every = every;
            this.fraction = fraction;
        }

        @Override
        public void eventHandled(EventMessage<?> event) {
            if (event instanceof DomainEventMessage<?> domain) {
                entries = domain.getSequenceNumber() + 1; // sequence numbers count from 0
            }
            super.eventHandled(event); // asks exceedsThreshold() for a domain event
        }

        @Override
        protected boolean exceedsThreshold() {
            return ++since >= interval(every, fraction, entries);
        }

        @Override
        protected void reset() {
            since = 0;
        }
    }
}
