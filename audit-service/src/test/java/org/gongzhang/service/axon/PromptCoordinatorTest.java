package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
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
    void aPendingLookForNewEntriesIsBroughtForwardToNow() throws Exception {
        CountDownLatch looked = new CountDownLatch(1);
        ScheduledFuture<?> idle = coordinator.schedule(looked::countDown, PromptCoordinator.IDLE_WAIT_MILLIS,
                TimeUnit.MILLISECONDS);

        assertThat(coordinator.nudge(0)).isTrue();

        assertThat(idle.isCancelled()).as("the look as it was scheduled").isTrue();
        assertThat(looked.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(coordinator.nudge(0)).as("nothing pending once it ran").isFalse();
    }

    @Test
    void aLookBroughtForwardComesNoSoonerThanTheSpacingAfterTheCoordinatorFoundNothing() {
        long spacing = TimeUnit.MILLISECONDS.toNanos(40);
        long beforeScheduling = System.nanoTime();
        coordinator.schedule(() -> { }, PromptCoordinator.IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(coordinator.nudge(spacing)).isTrue();

        assertThat(coordinator.getQueue()).hasSize(1);
        long remaining = ((Delayed) coordinator.getQueue().peek()).getDelay(TimeUnit.NANOSECONDS);
        assertThat(remaining).isLessThanOrEqualTo(spacing)
                .isGreaterThanOrEqualTo(spacing - (System.nanoTime() - beforeScheduling));
        assertThat(coordinator.nudge(spacing)).as("already due no later than the spacing allows").isFalse();
    }

    @Test
    void onlyTheLookForNewEntriesIsBroughtForward() {
        ScheduledFuture<?> full = coordinator.schedule(() -> { }, PromptCoordinator.FULL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> claim = coordinator.schedule(() -> { }, 5, TimeUnit.SECONDS);

        assertThat(coordinator.nudge(0)).isFalse();

        assertThat(full.isCancelled()).isFalse();
        assertThat(claim.isCancelled()).isFalse();
        assertThat(claim.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(1000);
    }

    @Test
    void aWaitBringsForwardTheLooksOfTheProcessorsNamedOnly() {
        PromptCoordinator checkpoints = new PromptCoordinator("checkpoints");
        try {
            ReadModelNudge followers = new ReadModelNudge(java.util.Set.of("reporting"), java.time.Duration.ZERO);
            followers.register(coordinator);
            followers.register(checkpoints);
            ScheduledFuture<?> reporting = coordinator.schedule(() -> { }, PromptCoordinator.IDLE_WAIT_MILLIS,
                    TimeUnit.MILLISECONDS);
            ScheduledFuture<?> other = checkpoints.schedule(() -> { }, PromptCoordinator.IDLE_WAIT_MILLIS,
                    TimeUnit.MILLISECONDS);

            followers.awaited();

            assertThat(followers.following()).containsExactly("reporting");
            assertThat(reporting.isCancelled()).isTrue();
            assertThat(other.isCancelled()).as("checkpoints keeps its look").isFalse();
            assertThat(followers.broughtForward()).isEqualTo(1);
            followers.unregister(coordinator);
            assertThat(followers.following()).isEmpty();
        } finally {
            checkpoints.shutdownNow();
        }
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
