package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptCoordinatorTest {

    private final PromptCoordinator coordinator = new PromptCoordinator("reporting");
    /** When the clock was read before the next task is scheduled. */
    private long scheduledAfter = System.nanoTime();

    @AfterEach
    void shutDown() {
        coordinator.shutdownNow();
    }

    @Test
    void theWaitAfterAFullWorkPackageIsShortened() {
        assertGiven(coordinator.schedule(() -> { }, PromptCoordinator.FULL_WAIT_MILLIS, TimeUnit.MILLISECONDS),
                PromptCoordinator.LOOK_AGAIN_MILLIS);
        assertGiven(coordinator.schedule(() -> "looked", TimeUnit.MILLISECONDS.toNanos(PromptCoordinator.FULL_WAIT_MILLIS),
                TimeUnit.NANOSECONDS), PromptCoordinator.LOOK_AGAIN_MILLIS);
    }

    @Test
    void theWaitForNewEventsIsShortened() {
        assertGiven(coordinator.schedule(() -> { }, PromptCoordinator.IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS),
                PromptCoordinator.IDLE_LOOK_MILLIS);
    }

    @Test
    void everyOtherDelayIsAxonsOwn() {
        assertGiven(coordinator.schedule(() -> { }, 5, TimeUnit.SECONDS), 5000);
        assertGiven(coordinator.schedule(() -> { }, 1, TimeUnit.SECONDS), 1000);
        assertGiven(coordinator.schedule(() -> { }, 99, TimeUnit.MILLISECONDS), 99);
        assertGiven(coordinator.schedule(() -> { }, 101, TimeUnit.MILLISECONDS), 101);
    }

    /**
     * The task was given {@code millis}: no more remains of its delay, and what remains plus the time
     * since the JVM's clock was read before scheduling it is at least that (a slow test thread can only
     * make the first smaller and the second larger).
     */
    private void assertGiven(ScheduledFuture<?> task, long millis) {
        long remaining = task.getDelay(TimeUnit.NANOSECONDS);
        long given = remaining + (System.nanoTime() - scheduledAfter);
        assertThat(remaining).isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(millis));
        assertThat(given).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(millis));
        scheduledAfter = System.nanoTime();
    }

    @Test
    void runsTheLookOnOneThreadNamedAfterTheProcessor() throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();

        coordinator.schedule(() -> thread.complete(Thread.currentThread().getName()), PromptCoordinator.FULL_WAIT_MILLIS,
                TimeUnit.MILLISECONDS);

        assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("Coordinator[reporting]");
        assertThat(coordinator.getCorePoolSize()).isEqualTo(1);
    }
}
