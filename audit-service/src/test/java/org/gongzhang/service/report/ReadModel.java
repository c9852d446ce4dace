package org.gongzhang.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.reporting.projection.LedgerProjection;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.springframework.transaction.support.TransactionTemplate;

/** The reporting read model as the tests drive it: waiting for it, rebuilding it, redelivering the log to it. */
final class ReadModel {

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final EventStore events;
    private final TransactionTemplate transactions;
    private final BookDirectory directory;
    private final ReportBooks reportBooks;

    ReadModel(EventProcessingConfiguration processing, TokenStore tokens, EventStore events,
            TransactionTemplate transactions, BookDirectory directory, ReportBooks reportBooks) {
        this.processing = processing;
        this.tokens = tokens;
        this.events = events;
        this.transactions = transactions;
        this.directory = directory;
        this.reportBooks = reportBooks;
    }

    /**
     * Waits until the processor has handled the whole event store and the read model has applied
     * every entry of {@code books}; answers how many events the store holds. Books whose event table
     * other tests tampered with stay behind on purpose, so only the named books are awaited.
     */
    long awaitCaughtUp(Collection<String> books) {
        awaitProcessedToHead();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).untilAsserted(() -> {
            for (String book : books) {
                long size = directory.find(book).map(BookSummary::size).orElseThrow();
                long applied = reportBooks.find(book).map(ReportedBook::appliedIndex).orElse(-1L);
                assertThat(applied).as(book).isEqualTo(size - 1);
            }
        });
        return events.createHeadToken().position().orElseThrow();
    }

    /** Resets the processor (its reset handler empties the tables) and leaves it stopped. */
    void resetAndHold() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
    }

    /** Stops the processor and moves every segment's token back to the start of the log without a reset, so every event comes again. */
    void rewindWithoutResetAndHold() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        transactions.executeWithoutResult(status -> {
            for (int segment : tokens.fetchSegments(LedgerProjection.PROCESSING_GROUP)) {
                tokens.fetchToken(LedgerProjection.PROCESSING_GROUP, segment);
                tokens.storeToken(events.createTailToken(), LedgerProjection.PROCESSING_GROUP, segment);
                tokens.releaseClaim(LedgerProjection.PROCESSING_GROUP, segment);
            }
        });
    }

    /** Stops the processor and answers each segment's token as it stored it (the processor stays stopped). */
    Map<Integer, TrackingToken> tokensWhileStopped() {
        processor().shutDown();
        Map<Integer, TrackingToken> held = new TreeMap<>();
        transactions.executeWithoutResult(status -> {
            for (int segment : tokens.fetchSegments(LedgerProjection.PROCESSING_GROUP)) {
                held.put(segment, tokens.fetchToken(LedgerProjection.PROCESSING_GROUP, segment));
                tokens.releaseClaim(LedgerProjection.PROCESSING_GROUP, segment);
            }
        });
        return held;
    }

    /** Waits until the processor has handled every event up to the head of the event store. */
    void awaitProcessedToHead() {
        long head = events.createHeadToken().position().orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(processor().processingStatus().values()).isNotEmpty().allSatisfy(status -> {
                    assertThat(status.isCaughtUp()).isTrue();
                    assertThat(status.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head);
                }));
    }

    void start() {
        processor().start();
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(LedgerProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }
}
