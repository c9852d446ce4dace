package org.gongzhang.service.axon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.gongzhang.reporting.projection.LedgerProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds the reporting read model from the log, for an operator (after a fix to the projection,
 * or a read model lost or doubted; {@code ledger.read-model.rebuild}): the {@code reporting}
 * processor is stopped and reset (its reset handler empties the tables), the log is read from its
 * first event in chunks of {@value #CHUNK} and applied by the processor's own handlers (its error
 * handler included), and the processor is started again after the last event applied, with that
 * read's gaps, so an append that committed meanwhile, or commits late within a gap, still reaches
 * the read model.
 *
 * <p>Why not let the processor replay on its own, as Axon does after a reset: its coordinator hands
 * the events one by one to a segment's queue, asking before each whether that queue is full, which
 * counts the queue (Axon's {@code WorkPackage}); on a replay the queue is always nearly full and the
 * count was 43 % of the coordinator's time. Here one thread reads and parses the next chunk while
 * {@value #WRITERS} others write the last one's events, each for its share of the books, in a
 * transaction of its own that commits without waiting for the disk ({@link ReadModelCommits}).
 * A rebuild of 100k events ran at 1.3–1.8 times the processor's replay in the same runs (docs/benchmarks.md).
 *
 * <p>Each entry is applied once whatever happens: the projection keeps each book's position with
 * its rows and skips an entry it has applied. A rebuild that fails part way leaves the processor
 * reset and started, so it replays the rest itself. Every node running the processor must be
 * stopped first, as for any reset of it.
 */
public final class ReportingRebuild {

    /** Events per read and per transaction. */
    static final int CHUNK = 1000;

    /** Chunks read ahead of the one being written. */
    private static final int AHEAD = 2;

    /** Threads (and connections) writing the read model, each for its share of the books. */
    static final int WRITERS = 2;

    private static final Logger log = LoggerFactory.getLogger(ReportingRebuild.class);

    private final EventProcessingConfiguration processing;
    private final LedgerEventStorage storage;
    private final TokenStore tokens;
    private final TransactionManager transactions;

    ReportingRebuild(EventProcessingConfiguration processing, LedgerEventStorage storage, TokenStore tokens,
            TransactionManager transactions, JdbcTemplate jdbc) {
        this.processing = processing;
        this.storage = storage;
        this.tokens = tokens;
        this.transactions = new ReadModelCommits(transactions, jdbc);
    }

    /** What a rebuild applied: the events read from the log, and how long reading and applying them took. */
    public record Result(long events, long nanos) {
    }

    /** Rebuilds the read model as the class says; answers when it is done and the processor runs again. */
    public synchronized Result rebuild() {
        StreamingEventProcessor processor = processing
                .eventProcessor(LedgerProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no " + LedgerProjection.PROCESSING_GROUP + " processor"));
        EventHandlerInvoker handlers = ((AbstractEventProcessor) processor).eventHandlerInvoker();
        processor.shutDown();
        try {
            processor.resetTokens();
            long started = System.nanoTime();
            Applied applied = replay(handlers);
            if (applied.last() != null) {
                continueFrom(processor.getName(), applied.last());
            }
            Result result = new Result(applied.events(), System.nanoTime() - started);
            log.info("Reporting read model rebuilt from {} events in {} ms", result.events(), result.nanos() / 1_000_000);
            return result;
        } finally {
            processor.start();
        }
    }

    private record Applied(long events, TrackingToken last) {
    }

    /**
     * Reads the log chunk by chunk on a thread of its own; splits each chunk by book between
     * {@value #WRITERS} writers, each applying its part in a transaction of its own on its own
     * connection, in the log's order (a book's entries always go to the same writer).
     */
    private Applied replay(EventHandlerInvoker handlers) {
        BlockingQueue<Read> chunks = new ArrayBlockingQueue<>(AHEAD);
        Thread reader = new Thread(() -> read(chunks), "reporting-rebuild-read");
        reader.setDaemon(true);
        reader.start();
        List<ExecutorService> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String name = "reporting-rebuild-write-" + w;
            writers.add(Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            }));
        }
        Deque<Future<?>> writing = new ArrayDeque<>();
        long events = 0;
        TrackingToken last = null;
        try {
            while (true) {
                List<TrackedEventMessage<?>> chunk = next(chunks);
                if (chunk.isEmpty()) {
                    while (!writing.isEmpty()) {
                        done(writing.poll());
                    }
                    return new Applied(events, last);
                }
                List<List<TrackedEventMessage<?>>> parts = byWriter(chunk);
                for (int w = 0; w < WRITERS; w++) {
                    List<TrackedEventMessage<?>> part = parts.get(w);
                    if (!part.isEmpty()) {
                        writing.add(writers.get(w).submit(() ->
                                transactions.executeInTransaction(() -> part.forEach(event -> apply(handlers, event)))));
                    }
                }
                while (writing.size() > AHEAD * WRITERS) {
                    done(writing.poll());
                }
                events += chunk.size();
                last = chunk.get(chunk.size() - 1).trackingToken();
            }
        } finally {
            reader.interrupt();
            writers.forEach(ExecutorService::shutdownNow);
        }
    }

    /** A chunk's events by the writer of their book. */
    private static List<List<TrackedEventMessage<?>>> byWriter(List<TrackedEventMessage<?>> chunk) {
        List<List<TrackedEventMessage<?>>> parts = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            parts.add(new ArrayList<>());
        }
        for (TrackedEventMessage<?> event : chunk) {
            String book = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
            parts.get(Math.floorMod(book.hashCode(), WRITERS)).add(event);
        }
        return parts;
    }

    /** Waits for a writer's transaction; its failure ends the rebuild. */
    private static void done(Future<?> write) {
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the reporting rebuild was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failed ? failed
                    : new IllegalStateException("the reporting rebuild could not apply the log", e.getCause());
        }
    }

    /** A chunk of the log as read, empty at its end, or why it could not be read. */
    private record Read(List<TrackedEventMessage<?>> events, Throwable failure) {
    }

    private void read(BlockingQueue<Read> chunks) {
        try {
            TrackingToken after = null;
            List<TrackedEventMessage<?>> chunk;
            do {
                try {
                    chunk = storage.eventsAfter(after, CHUNK);
                    chunk.forEach(ReadAhead::read);
                } catch (RuntimeException | Error failed) {
                    chunks.put(new Read(List.of(), failed));
                    return;
                }
                chunks.put(new Read(chunk, null));
                after = chunk.isEmpty() ? after : chunk.get(chunk.size() - 1).trackingToken();
            } while (!chunk.isEmpty());
        } catch (InterruptedException stopped) {
            // the rebuild ended without waiting for the rest of the log
            Thread.currentThread().interrupt();
        }
    }

    /** The next chunk read, or the reader's failure. */
    private static List<TrackedEventMessage<?>> next(BlockingQueue<Read> chunks) {
        Read read;
        try {
            read = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the reporting rebuild was interrupted", e);
        }
        if (read.failure() != null) {
            throw new IllegalStateException("the reporting rebuild could not read the log", read.failure());
        }
        return read.events();
    }

    /** As the processor applies an event: its handler's failure goes to the processor's error handler. */
    private static void apply(EventHandlerInvoker handlers, TrackedEventMessage<?> event) {
        try {
            handlers.handle(event, Segment.ROOT_SEGMENT);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every segment of the processor continues after {@code last}: each is claimed (as the stopped
     * processor let go of them), given the token, and let go again for the processor to claim.
     */
    private void continueFrom(String processor, TrackingToken last) {
        transactions.executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(processor)) {
                tokens.fetchToken(processor, segment);
                tokens.storeToken(last, processor, segment);
                tokens.releaseClaim(processor, segment);
            }
        });
    }
}
