package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    private void awaitApplied(TestBook book) {
        long last = book.size() - 1;
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(reportBooks.find(book.id).map(ReportedBook::appliedIndex).orElse(-1L)).isEqualTo(last));
    }
}
