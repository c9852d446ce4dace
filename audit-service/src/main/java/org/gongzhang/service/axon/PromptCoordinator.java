package org.gongzhang.service.axon;

import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;

/**
 * The coordinator thread of a pooled streaming processor, which looks again sooner than Axon's
 * coordinator would on the two occasions nothing else brings its next look forward.
 *
 * <p><b>A full work package.</b> Axon's coordinator reads the log and hands each event to the work
 * package of its segment, up to 1,024 queued events a package; when a package is full it schedules
 * its next look {@value #FULL_WAIT_MILLIS} ms later, and nothing brings that look forward when the
 * package has room again. In a replay (a rebuild of the read model, a node catching up) the work
 * package drained its 1,024 events in about 50 ms and then sat idle until the coordinator came back:
 * the trace of a 40k-event rebuild (DEBUG on Axon's {@code Coordinator}, 2026-12-05) shows 50–70 ms
 * without a batch after each full queue. Here that look comes after {@value #LOOK_AGAIN_MILLIS} ms.
 *
 * <p><b>Nothing new in the log.</b> A coordinator that has handed out everything waits for an event
 * stream's callback when the stream offers one; the embedded event store's streams do not, so Axon
 * looks again every {@value #IDLE_WAIT_MILLIS} ms, and the read model, the checkpoints and the sagas
 * saw a new entry up to half a second after it was stored (a voucher's 201 to its row in the
 * reporting read model: p50 153 ms, p90 468 ms, max 495 ms; {@code ReadModelLagBenchmark},
 * 2026-12-05). Here every {@value #IDLE_LOOK_MILLIS} ms (p50 66, p90 101, max 108 ms). A look with
 * nothing to do reads no database, but wakes the coordinator's and the work packages' threads: an
 * idle service spent about 1.6 % of a core more (3.6 % against 2.0 %, the JVM's CPU over 30 s).
 *
 * <p><b>Someone waits.</b> The look for new entries of a processor someone waits for
 * ({@link ReadModelNudge}: the reporting read model) is brought forward ({@link #nudge}): it then comes
 * at once, or {@code spacing} after the coordinator last found nothing, whichever is later.
 *
 * <p>Every other delay (claims, back-off after errors, which starts at 1 s) is Axon's own.
 */
final class PromptCoordinator extends ScheduledThreadPoolExecutor {

    /** Axon 4.13's wait when a work package has no room ({@code Coordinator.CoordinationTask#run}). */
    static final long FULL_WAIT_MILLIS = 100;

    static final long LOOK_AGAIN_MILLIS = 10;

    /** Axon 4.13's wait when no event is pending and the stream has no callback to say when one is. */
    static final long IDLE_WAIT_MILLIS = 500;

    static final long IDLE_LOOK_MILLIS = 100;

    /** A look is brought forward only if it then comes more than this much sooner. */
    private static final long NUDGE_GAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String processor;
    /**
     * The pending look for new entries, what it runs, when it was scheduled (the coordinator had found
     * nothing) and when it is due ({@link System#nanoTime}); null when none.
     */
    private ScheduledFuture<?> idleLook;
    private Runnable idleTask;
    private long idleSince;
    private long idleDue;

    PromptCoordinator(String processor) {
        super(1, new AxonThreadFactory("Coordinator[" + processor + "]"));
        this.processor = processor;
        setRemoveOnCancelPolicy(true); // a look brought forward leaves no cancelled one queued
    }

    String processor() {
        return processor;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (unit.toNanos(delay) != TimeUnit.MILLISECONDS.toNanos(IDLE_WAIT_MILLIS)) {
            return super.schedule(command, prompt(delay, unit), TimeUnit.NANOSECONDS);
        }
        synchronized (this) {
            long wait = prompt(delay, unit);
            idleTask = command;
            idleSince = System.nanoTime();
            idleDue = idleSince + wait;
            idleLook = super.schedule(command, wait, TimeUnit.NANOSECONDS);
            return idleLook;
        }
    }

    /**
     * Someone waits for new entries: the pending look for them, if any, comes at once, or {@code spacingNanos}
     * after it was scheduled (after the coordinator found nothing) if that is later. True when it was
     * brought forward; false when there is none, it is already running or due no more than a
     * millisecond later anyway.
     */
    synchronized boolean nudge(long spacingNanos) {
        ScheduledFuture<?> pending = idleLook;
        if (pending == null || pending.isDone() || isShutdown()) {
            return false;
        }
        // compared with the due time stored, not the future's delay read against the clock: a look
        // brought forward is then never found "later" by however long a thread waited in between
        long now = System.nanoTime();
        long due = Math.max(now, idleSince + spacingNanos);
        if (idleDue - due <= NUDGE_GAIN_NANOS || !pending.cancel(false)) {
            return false;
        }
        try {
            idleLook = super.schedule(idleTask, due - now, TimeUnit.NANOSECONDS);
            idleDue = due;
        } catch (RejectedExecutionException shutDown) {
            return false; // shut down meanwhile: the processor is stopping and would not look again anyway
        }
        return true;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return super.schedule(callable, prompt(delay, unit), TimeUnit.NANOSECONDS);
    }

    private static long prompt(long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        if (nanos == TimeUnit.MILLISECONDS.toNanos(FULL_WAIT_MILLIS)) {
            return TimeUnit.MILLISECONDS.toNanos(LOOK_AGAIN_MILLIS);
        }
        if (nanos == TimeUnit.MILLISECONDS.toNanos(IDLE_WAIT_MILLIS)) {
            return TimeUnit.MILLISECONDS.toNanos(IDLE_LOOK_MILLIS);
        }
        return nanos;
    }
}
