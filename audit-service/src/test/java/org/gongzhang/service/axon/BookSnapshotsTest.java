package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.junit.jupiter.api.Test;

/**
 * A book's snapshots come every 500 entries while it is small and after 2 % of its entries once
 * that is more, counting the entries replayed when it was loaded.
 */
class BookSnapshotsTest {

    private final List<Long> snapshotsAt = new ArrayList<>();
    private long entries;
    private final BookSnapshots snapshots = new BookSnapshots((type, id) -> {
        assertThat(type).isEqualTo(BookSnapshotsTest.class);
        assertThat(id).isEqualTo("lanyuan-public");
        snapshotsAt.add(entries);
    }, 500, 0.02);

    @Test
    void aSmallBookIsSnapshottedEveryFiveHundredEntries() {
        SnapshotTrigger trigger = snapshots.prepareTrigger(BookSnapshotsTest.class);
        handle(trigger, 0, 2_000);
        assertThat(snapshotsAt).containsExactly(500L, 1_000L, 1_500L, 2_000L);
    }

    @Test
    void aGrowingBookIsSnapshottedAfterTwoPercentOfItsEntriesOnceThatIsMore() {
        SnapshotTrigger trigger = snapshots.prepareTrigger(BookSnapshotsTest.class);
        handle(trigger, 0, 1_000_000);
        // every 500 up to 25,000 entries (50 snapshots), then 2 % of the book: 232 in all, not 2,000
        assertThat(snapshotsAt).hasSize(232);
        assertThat(snapshotsAt.subList(48, 53)).containsExactly(24_500L, 25_000L, 25_510L, 26_030L, 26_561L);
        assertThat(snapshotsAt.subList(229, 232)).containsExactly(948_047L, 967_394L, 987_136L);
    }

    @Test
    void aLargeBookLoadedFromASnapshotCountsTheEntriesItReplays() {
        SnapshotTrigger trigger = snapshots.prepareTrigger(BookSnapshotsTest.class);
        handle(trigger, 600_000, 610_000); // replayed after the snapshot the book was loaded from
        trigger.initializationFinished();
        handle(trigger, 610_000, 700_000);
        assertThat(snapshotsAt).startsWith(612_244L, 624_738L, 637_487L);
    }

    @Test
    void aCachedBookKeepsItsTriggerAndItsCount() {
        SnapshotTrigger trigger = snapshots.prepareTrigger(BookSnapshotsTest.class);
        handle(trigger, 0, 300);
        SnapshotTrigger again = snapshots.reconfigure(BookSnapshotsTest.class, trigger);
        assertThat(again).isSameAs(trigger);
        handle(again, 300, 500);
        assertThat(snapshotsAt).containsExactly(500L);
    }

    @Test
    void eventsOfNoAggregateDoNotCount() {
        SnapshotTrigger trigger = snapshots.prepareTrigger(BookSnapshotsTest.class);
        for (int i = 0; i < 1_000; i++) {
            trigger.eventHandled(GenericEventMessage.asEventMessage("not a book's"));
        }
        assertThat(snapshotsAt).isEmpty();
    }

    @Test
    void refusesAnIntervalBelowOneOrAFractionOutsideZeroToOne() {
        assertThatThrownBy(() -> new BookSnapshots((type, id) -> { }, 0, 0.02))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookSnapshots((type, id) -> { }, 500, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookSnapshots((type, id) -> { }, 500, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Entries {@code from} (its sequence number) up to {@code to}, exclusive, handled in order. */
    private void handle(SnapshotTrigger trigger, long from, long to) {
        for (long sequence = from; sequence < to; sequence++) {
            entries = sequence + 1;
            trigger.eventHandled(new GenericDomainEventMessage<>("Book", "lanyuan-public", sequence, "entry"));
        }
    }
}
