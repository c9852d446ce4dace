package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TailGateTest {

    private static final long QUIET = Duration.ofMillis(500).toNanos();
    private final TailGate gate = new TailGate(Duration.ofNanos(QUIET));

    @Test
    void theFirstReadGoesToTheDatabase() {
        assertThat(gate.read(0)).isTrue();
    }

    @Test
    void afterAReadThatFoundPartOfABatchNothingIsReadUntilACommit() {
        gate.read(0);
        gate.found(3, 100);

        assertThat(gate.read(1)).as("the same stream's next batch").isFalse();
        assertThat(gate.read(2)).as("the event store's next round").isFalse();

        gate.committed();
        assertThat(gate.read(3)).isTrue();
        gate.found(1, 100);
        assertThat(gate.read(4)).isFalse();
    }

    @Test
    void afterAnEmptyReadNothingIsReadUntilACommitOrTheQuietPeriodHasPassed() {
        gate.read(0);
        gate.found(0, 100);

        assertThat(gate.read(QUIET - 1)).isFalse();
        assertThat(gate.read(QUIET)).as("another node's events").isTrue();
        gate.found(0, 100);
        assertThat(gate.read(QUIET + 1)).isFalse();
    }

    @Test
    void aFullBatchIsFollowedByAnotherRead() {
        gate.read(0);
        gate.found(100, 100);

        assertThat(gate.read(1)).isTrue();
        gate.found(40, 100);
        assertThat(gate.read(2)).isFalse();
    }

    @Test
    void aCommitDuringAReadMakesTheNextReadGo() {
        gate.read(0);
        gate.committed(); // committed after the read took its snapshot: it may not have seen it
        gate.found(1, 100);

        assertThat(gate.read(1)).isTrue();
    }

    @Test
    void aFailedReadIsTriedAgainAtOnce() {
        gate.read(0);
        gate.failed();

        assertThat(gate.read(1)).isTrue();
    }
}
