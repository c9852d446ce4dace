package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.core.book.BookFixtures.parkingFee;
import static org.gongzhang.core.book.BookFixtures.refusal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.VoucherPostedEvent;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 序时控制: within a period the 凭证号 of a 凭证字 follow the vouchers' dates. */
class BookDateOrderTest {

    private static final String REFUSED = "voucher.date.before-numbered";

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
    }

    @Test
    void cannotRecordAVoucherDatedBeforeTheOneItsWordNumberedLast() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"));
        fixture.when(fx.record("v2", "2026-03-10")).expectException(refusal(REFUSED, "entry.payload.date"));
    }

    @Test
    void recordsAVoucherOnTheSameDayAsTheLastNumbered() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"));
        fixture.when(fx.record("v2", "2026-03-15")).expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherWordKeepsItsOwnOrder() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"));
        fixture.when(fx.record(parkingFee("v2", "2026-03-10").put("word", "收"))).expectSuccessfulHandlerExecution();
    }

    @Test
    void aNewPeriodStartsItsOwnOrder() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-31"));
        fixture.when(fx.record("v2", "2026-04-01")).expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotPostAVoucherDatedBeforeTheOneNumberedLast() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-10"), fx.record("v2", "2026-03-15"),
                fx.review("v1"), fx.review("v2"), fx.post("v2"));
        fixture.when(fx.post("v1")).expectException(refusal(REFUSED, "entry.payload.voucherId"));
    }

    @Test
    void postingOldestFirstNumbersInDateOrder() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"), fx.record("v2", "2026-03-10"),
                fx.review("v1"), fx.review("v2"), fx.post("v2"));
        AppendEntryCommand post = fx.post("v1");
        fixture.when(post).expectEvents(new VoucherPostedEvent(post.entry(), "记", "2026-03", 2));
    }

    @Test
    void aRedVoucherIsDatedNoEarlierThanTheLastNumbered() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-10"))
                .andGivenCommands(fx.posted("v2", "2026-03-20"));
        fixture.when(fx.reverse("r1", "v1", "2026-03-12")).expectException(refusal(REFUSED, "entry.payload.date"));
    }

    @Test
    void theRefusalNamesTheVoucherAndItsDateInChineseAndEnglish() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"));
        AtomicReference<LedgerRefusal> refused = new AtomicReference<>();
        fixture.when(fx.record("v2", "2026-03-10")).expectException(new CustomTypeSafeMatcher<LedgerRefusal>(REFUSED) {
            @Override
            protected boolean matchesSafely(LedgerRefusal refusal) {
                refused.set(refusal);
                return refusal.code().equals(REFUSED);
            }
        });
        Object[] args = refused.get().args();
        assertThat(message(Locale.SIMPLIFIED_CHINESE, args))
                .startsWith("序时控制：本期 记-1 号凭证的日期是 2026-03-15，日期为 2026-03-10 的凭证");
        assertThat(message(Locale.ENGLISH, args)).startsWith("Date order (序时控制): 记-1 of this period is dated 2026-03-15");
    }

    private static String message(Locale locale, Object[] args) {
        String pattern = ResourceBundle.getBundle("i18n/ledger", locale).getString(REFUSED);
        return new MessageFormat(pattern, locale).format(args);
    }
}
