package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.awaitility.Awaitility;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.context.TestPropertySource;

/**
 * The processors get an entry when its append commits, and the event store reads the log's tail
 * about once per append. The event store's own poll is set to ten minutes here, so only the
 * wake-up at the commit can deliver an entry within the test.
 */
@TestPropertySource(properties = "ledger.events.poll=PT10M")
class EventStoreTailIT extends ServiceIT {

    @Autowired
    ReportBooks reportBooks;

    @Autowired
    LedgerEventStorage storage;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachEntryReachesTheReadModelWhenItsAppendCommitsWithoutAnotherAppendOrAPoll() {
        TestBook book = TestBook.open(client);
        awaitApplied(book);

        for (int i = 0; i < 5; i++) {
            book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("12" + i + ".00")));
            awaitApplied(book);
        }
    }

    @Test
    void theLogsTailIsReadAboutOncePerAppend() {
        TestBook book = TestBook.open(client);
        awaitApplied(book);
        int appends = 12;
        long before = storage.tailReads();

        for (int i = 0; i < appends; i++) {
            book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("1" + i + ".00")));
            awaitApplied(book);
        }

        long reads = storage.tailReads() - before;
        // Axon's own loop read three times per append (the new event, then twice nothing)
        assertThat(reads).isBetween((long) appends / 2, appends + 3L);
    }

    @Test
    void everyEventOfTheLogReadsBackWithTheTimeStampStoredForIt() {
        TestBook book = TestBook.open(client);
        for (int i = 0; i < 3; i++) {
            book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("3" + i + ".00")));
        }
        Map<String, Instant> stored = new HashMap<>();
        jdbc.query("select event_identifier, time_stamp from domain_event_entry where aggregate_identifier = ?",
                (RowCallbackHandler) row -> stored.put(row.getString(1), DateTimeUtils.parseInstant(row.getString(2))),
                book.id);

        Map<String, Instant> read = new HashMap<>();
        try (Stream<? extends TrackedEventMessage<?>> log = storage.readEvents(null, false)) {
            log.filter(e -> e instanceof DomainEventMessage<?> d && d.getAggregateIdentifier().equals(book.id))
                    .forEach(e -> read.put(e.getIdentifier(), e.getTimestamp()));
        }

        assertThat(stored).hasSize((int) book.size());
        assertThat(read).isEqualTo(stored);
    }

    private void awaitApplied(TestBook book) {
        long last = book.size() - 1;
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(reportBooks.find(book.id).map(ReportedBook::appliedIndex).orElse(-1L)).isEqualTo(last));
    }
}
