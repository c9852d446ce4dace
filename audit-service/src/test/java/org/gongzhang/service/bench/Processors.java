package org.gongzhang.service.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gongzhang.reporting.projection.LedgerProjection;
import org.gongzhang.service.axon.ReportingRebuild;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's streaming (tracking) event processors: waiting until they have handled everything
 * in the event store, and the reporting read model's rebuild timed from a reset to the head.
 */
final class Processors {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final ReportingRebuild rebuild;

    Processors(ConfigurableApplicationContext context) {
        this.processing = context.getBean(EventProcessingConfiguration.class);
        this.rebuild = context.getBean(ReportingRebuild.class);
        this.events = context.getBean(EventStore.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /**
     * Waits until every streaming processor has reached the event store's head as it is now;
     * answers the seconds waited, or -1 when {@code timeout} passed first (then it says which lag).
     */
    double settle(Duration timeout) {
        long head = head();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streaming().stream().allMatch(p -> caughtUp(p, head))) {
                return (System.nanoTime() - start) / 1e9;
            }
            sleep(20);
        }
        streaming().stream().filter(p -> !caughtUp(p, head)).forEach(p -> System.out.printf(
                "   processor %s has not reached the head %,d within %s: %s%n", p.getName(), head, timeout,
                p.processingStatus().values()));
        return -1;
    }

    /** What a rebuild did: events in the store, seconds from start to head. */
    record Rebuild(long events, double seconds) {
        double rate() {
            return events / seconds;
        }
    }

    /**
     * The service's rebuild of the reporting read model ({@link ReportingRebuild}): the processor
     * stopped and reset (its reset handler empties the tables; not timed), the log applied from its
     * start, the processor started where that ended; timed until the processor's token is at the
     * head of the event store as it was before.
     */
    Rebuild rebuildReporting(Duration timeout) {
        long head = head();
        long count = eventCount(head);
        ReportingRebuild.Result result = rebuild.rebuild();
        long started = System.nanoTime();
        awaitHead(reporting(), head, timeout, "after the rebuild");
        // the rebuild's own time (after the reset), then the processor's until it is at the head
        double seconds = (result.nanos() + System.nanoTime() - started) / 1e9;
        if (result.events() < count) {
            throw new IllegalStateException("the rebuild applied " + result.events() + " events of " + count);
        }
        return new Rebuild(count, seconds);
    }

    /**
     * Stops the reporting processor, resets its tokens (its reset handler empties the read model; not
     * timed), starts it and times it until its token reaches the head of the event store: Axon's own
     * replay, for comparison with {@link #rebuildReporting}.
     */
    Rebuild replayReporting(Duration timeout) {
        StreamingEventProcessor processor = reporting();
        processor.shutDown();
        processor.resetTokens();
        long head = head();
        long count = eventCount(head);
        long start = System.nanoTime();
        processor.start();
        awaitHead(processor, head, timeout, "in its replay");
        return new Rebuild(count, (System.nanoTime() - start) / 1e9);
    }

    private StreamingEventProcessor reporting() {
        return processing.eventProcessor(LedgerProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + LedgerProjection.PROCESSING_GROUP));
    }

    /** Waits until {@code processor}'s token is at {@code head}; fails after {@code timeout}. */
    private void awaitHead(StreamingEventProcessor processor, long head, Duration timeout, String when) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(processor, head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the reporting processor did not reach the head within " + timeout
                        + " " + when + ": " + processor.processingStatus().values());
            }
            sleep(5);
        }
    }

    /** Shuts down every running streaming processor (each finishes its batch and keeps its tokens); answers them. */
    List<StreamingEventProcessor> stopStreaming() {
        List<StreamingEventProcessor> running = streaming();
        running.forEach(StreamingEventProcessor::shutDown);
        return running;
    }

    /** Starts the processors {@link #stopStreaming} stopped: they go on from their tokens. */
    static void start(List<StreamingEventProcessor> stopped) {
        stopped.forEach(StreamingEventProcessor::start);
    }

    /** The names of the streaming processors and their segment count claimed. */
    String describe() {
        return String.join(", ", streaming().stream()
                .map(p -> p.getName() + " (" + p.getClass().getSimpleName() + ", " + p.processingStatus().size()
                        + " segment(s))")
                .toList());
    }

    long head() {
        OptionalLong position = events.createHeadToken() == null ? OptionalLong.empty()
                : events.createHeadToken().position();
        return position.orElse(-1);
    }

    /** Events in the store: rows of Axon's event table, or the head's global index where that table is not there. */
    long eventCount(long head) {
        try {
            return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        } catch (RuntimeException e) {
            return head + 1;
        }
    }

    private List<StreamingEventProcessor> streaming() {
        Map<String, ?> all = processing.eventProcessors();
        Collection<?> processors = all.values();
        return processors.stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).filter(StreamingEventProcessor::isRunning).toList();
    }

    /**
     * Every claimed segment's token is at or past {@code head}: every event up to it was handled. Not
     * {@link EventTrackerStatus#isCaughtUp()}, which flips only after the processor's next empty
     * poll (up to a second later), nor "no longer replaying": a replay token stays one until an
     * event past the reset position arrives, which may never happen.
     */
    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> status = processor.processingStatus().values();
        return !status.isEmpty() && status.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
