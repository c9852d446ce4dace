package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One wake-up of the tail reader per window while commits follow each other; at once after a quiet one. */
class FollowWindowTest {

    private static final long MS = 1_000_000;

    @Test
    void theFirstCommitWakesTheReaderAtOnceAndTheNextOnesWaitForTheWindowsEnd() {
        FollowWindow window = new FollowWindow(Duration.ofMillis(10), 0);
        assertThat(window.commit(100 * MS)).isZero();
        assertThat(window.commit(102 * MS)).as("2 ms later: at the window's end").isEqualTo(8 * MS);
        assertThat(window.commit(103 * MS)).as("already due").isEqualTo(FollowWindow.ALREADY_DUE);
        assertThat(window.commit(109 * MS)).isEqualTo(FollowWindow.ALREADY_DUE);
        window.woken(110 * MS);
        assertThat(window.commit(111 * MS)).as("right after the wake-up: the next window").isEqualTo(9 * MS);
        window.woken(120 * MS);
        assertThat(window.commit(135 * MS)).as("after a quiet window: at once").isZero();
        assertThat(window.commit(135 * MS)).isEqualTo(10 * MS);
    }

    @Test
    void aCommitExactlyAWindowAfterTheLastWakeUpWakesAtOnce() {
        FollowWindow window = new FollowWindow(Duration.ofMillis(10), 0);
        assertThat(window.commit(5 * MS)).isZero();
        assertThat(window.commit(15 * MS)).isZero();
        assertThat(window.commit(16 * MS)).isEqualTo(9 * MS);
    }
}
