package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link ReadModelNudge#await}: the wait that the page after an action and a voucher import share. */
class ReadModelNudgeTest {

    private final ReadModelNudge nudge = new ReadModelNudge(Set.of("reporting"), Duration.ZERO);
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void anAnswerThereAtOnceIsTakenWithoutAPause() throws InterruptedException {
        assertThat(nudge.await(() -> answerOn(1), Duration.ofSeconds(5))).contains("applied");
        assertThat(asked).hasValue(1);
    }

    @Test
    void itAsksAgainAfterEachPauseUntilTheAnswerComes() throws InterruptedException {
        assertThat(nudge.await(() -> answerOn(4), Duration.ofSeconds(5))).contains("applied");
        assertThat(asked).hasValue(4);
    }

    /** Asked at once, then after pauses of 2, 4, 8, 10 and the 6 ms left of 30: six times, then empty. */
    @Test
    void itGivesUpOncePatienceIsSpentInPauses() throws InterruptedException {
        long started = System.nanoTime();
        assertThat(nudge.await(() -> answerOn(Integer.MAX_VALUE), Duration.ofMillis(30))).isEmpty();
        assertThat(asked).hasValue(6);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void noPatienceMeansOneLook() throws InterruptedException {
        assertThat(nudge.await(() -> answerOn(2), Duration.ZERO)).isEmpty();
        assertThat(asked).hasValue(1);
    }

    /** Answers on the {@code n}th time it is asked. */
    private Optional<String> answerOn(int n) {
        return asked.incrementAndGet() >= n ? Optional.of("applied") : Optional.empty();
    }
}
