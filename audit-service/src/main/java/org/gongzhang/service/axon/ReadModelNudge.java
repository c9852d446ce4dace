package org.gongzhang.service.axon;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Brings the reporting read model's next look for new entries forward while someone waits for it:
 * the page a person sees after an action ({@code ?after=}) and a voucher import's check, which both
 * wait until the read model has the book's newest entry. A processor's coordinator with nothing to do
 * looks for new entries only every {@value PromptCoordinator#IDLE_LOOK_MILLIS} ms (the embedded event
 * store's streams have no callback to say when there are some): such a wait took 60–88 ms for a
 * fresh book's two entries (docs/benchmarks.md 2026-12-06 20:47–21:30). A waiter calls {@link #awaited}
 * before each pause ({@link #await} does both); the pending look then comes at once, or
 * {@code ledger.read-model.follow-spacing} (10 ms) after the coordinator last found nothing
 * ({@link PromptCoordinator#nudge}): a voucher reached the read model p50 7–8 ms after its 201 for
 * someone waiting, against 46–54 ms for nobody.
 *
 * <p>Only waits bring a look forward: a log that is busy and that nobody waits on is followed in
 * the 100 ms looks' large batches, as before (bringing every look forward as soon as the event store
 * read new entries cost appends at 8 clients 28 and 40 % of their rate in two of three alternating
 * runs: smaller batches, each with its round trips). The processors followed are
 * {@code ledger.read-model.prompt-processors} (comma-separated, default {@code reporting}; empty for
 * none).
 */
public final class ReadModelNudge {

    /**
     * A wait for the read model asks it again after this many milliseconds, then after twice as long
     * each time, up to {@link #LONGEST_PAUSE_MS} ({@link #await}).
     */
    static final long FIRST_PAUSE_MS = 2;
    static final long LONGEST_PAUSE_MS = 10;

    private final Set<String> processors;
    private final long spacingNanos;
    private final List<PromptCoordinator> coordinators = new CopyOnWriteArrayList<>();
    private final LongAdder broughtForward = new LongAdder();

    ReadModelNudge(Set<String> processors, Duration spacing) {
        this.processors = Set.copyOf(processors);
        this.spacingNanos = spacing.toNanos();
    }

    /** A processor's coordinator: followed if it is one of the processors named. */
    void register(PromptCoordinator coordinator) {
        if (processors.contains(coordinator.processor())) {
            coordinators.add(coordinator);
        }
    }

    void unregister(PromptCoordinator coordinator) {
        coordinators.remove(coordinator);
    }

    /** Someone waits for the read model to reach the log's newest entries: the pending looks come now. */
    public void awaited() {
        for (PromptCoordinator coordinator : coordinators) {
            if (coordinator.nudge(spacingNanos)) {
                broughtForward.increment();
            }
        }
    }

    /**
     * Waits until {@code attempt} answers (the read model has what the caller needs), for at most
     * {@code patience} of pauses: it is asked at once, then after 2, 4, 8 and every 10 ms, and before
     * each pause the read model is told that someone waits ({@link #awaited}), so its pending look
     * comes now. Empty when it never answered.
     */
    public <T> Optional<T> await(Supplier<Optional<T>> attempt, Duration patience) throws InterruptedException {
        long left = patience.toMillis();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            Optional<T> answer = attempt.get();
            if (answer.isPresent() || left <= 0) {
                return answer;
            }
            awaited();
            Thread.sleep(Math.min(pause, left));
            left -= pause;
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
    }

    /** The processors whose coordinators are followed now. */
    List<String> following() {
        return coordinators.stream().map(PromptCoordinator::processor).toList();
    }

    /** How many looks were brought forward since the start (for tests). */
    public long broughtForward() {
        return broughtForward.sum();
    }
}
