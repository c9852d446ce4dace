package org.gongzhang.service.axon;

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;

/**
 * The coordinator thread of a pooled streaming processor, which looks again soon when its work
 * packages were full.
 *
 * <p>Axon's coordinator reads the log and hands each event to the work package of its segment, up to
 * 1,024 queued events a package; when a package is full it schedules its next look {@value #FULL_WAIT_MILLIS}
 * ms later, and nothing brings that look forward when the package has room again. In a replay (a
 * rebuild of the read model, a node catching up) the work package drained its 1,024 events in about
 * 50 ms and then sat idle until the coordinator came back: the trace of a 40k-event rebuild (DEBUG on
 * Axon's {@code Coordinator}, 2026-12-05) shows 50–70 ms without a batch after each full queue.
 * This executor runs such a look after {@value #LOOK_AGAIN_MILLIS} ms instead; a look at a full
 * queue costs microseconds. Every other delay (none pending: 500 ms; claims, back-off after errors) is
 * Axon's own.
 */
final class PromptCoordinator extends ScheduledThreadPoolExecutor {

    /** Axon 4.13's wait when a work package has no room ({@code Coordinator.CoordinationTask#run}). */
    static final long FULL_WAIT_MILLIS = 100;

    static final long LOOK_AGAIN_MILLIS = 10;

    PromptCoordinator(String processor) {
        super(1, new AxonThreadFactory("Coordinator[" + processor + "]"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(command, prompt(delay, unit), TimeUnit.NANOSECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return super.schedule(callable, prompt(delay, unit), TimeUnit.NANOSECONDS);
    }

    private static long prompt(long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        return nanos == TimeUnit.MILLISECONDS.toNanos(FULL_WAIT_MILLIS) ? TimeUnit.MILLISECONDS.toNanos(LOOK_AGAIN_MILLIS)
                : nanos;
    }
}
