package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gongzhang.service.axon.ReadModelNudge;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The page after an action waits for the read model, and tells it someone waits. */
class ReadModelWaitIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";

    @Autowired
    ReadModelWait readModel;

    @Autowired
    ReadModelNudge nudge;

    @Autowired
    BookDirectory directory;

    @Test
    void aPageAfterAnActionWaitsForItsEntryAndBringsTheReadModelsNextLookForward() {
        LedgerClient preparer = client.as("li-na");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        long before = nudge.broughtForward();

        // the reporting processor, idle, looks for new entries up to 100 ms after the voucher's 201;
        // a coordinator busy at the moment of the wait has no look pending, so a few are given the chance
        for (int attempt = 0; attempt < 3 && nudge.broughtForward() == before; attempt++) {
            LedgerClient.Answer recorded = preparer.post("/api/books/" + BOOK + "/vouchers", """
                    {"word":"收","date":"%s","lines":[
                     {"summary":"收临时停车费","account":"100201","debit":"3.00"},
                     {"summary":"收临时停车费","account":"470101","credit":"3.00"}]}""".formatted(today), "zh-CN");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

            assertThat(readModel.until(directory.require(BOOK), recorded.json().at("/receipt/index").asLong())).isTrue();
        }

        assertThat(nudge.broughtForward()).isGreaterThan(before);
    }

    /**
     * A link's made-up {@code after} beyond the book's log is answered at once, not after the whole
     * patience (5 s): not a speed figure, but whether a request can be made to wait for nothing.
     */
    @Test
    void anEntryTheLogDoesNotHoldIsNotWaitedFor() {
        BookSummary book = directory.require(BOOK);
        BookSummary none = new BookSummary("no-such-book", book.name(), book.fund(), book.compound(), book.community(),
                book.street(), book.startPeriod(), book.openedAt(), 0);
        long started = System.nanoTime();
        assertThat(readModel.until(book, book.size() + 1_000_000)).isFalse();
        assertThat(readModel.until(book, Long.MAX_VALUE)).isFalse();
        assertThat(readModel.until(none, 0L)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(readModel.until(book, book.size() - 1)).as("the last entry the log holds is waited for").isTrue();
    }
}
