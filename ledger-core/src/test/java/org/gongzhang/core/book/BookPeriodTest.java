package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.balance;
import static org.gongzhang.core.book.BookFixtures.refusal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.OpeningBalancesSetEvent;
import org.gongzhang.core.book.api.PeriodClosedEvent;
import org.gongzhang.core.book.api.PeriodReopenedEvent;
import org.gongzhang.core.book.api.VoucherPostedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 结账 and 反结账. */
class BookPeriodTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
    }

    @Test
    void closesTheFirstPeriodWhenEveryVoucherIsPostedOrVoided() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"))
                .andGivenCommands(fx.record("v2", "2026-03-16"), fx.voidVoucher("v2", "重复录入"));
        AppendEntryCommand close = fx.close("2026-03");
        fixture.when(close).expectEvents(new PeriodClosedEvent(close.entry()));
    }

    @Test
    void closesAnEmptyPeriod() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.close("2026-03")).expectSuccessfulHandlerExecution();
    }

    @Test
    void closesPeriodsInOrder() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.close("2026-04"))
                .expectException(refusal("period.close.out-of-order", "entry.payload.period"))
                .expectExceptionMessage("period.close.out-of-order at entry.payload.period [2026-03]");
    }

    @Test
    void cannotCloseAClosedPeriodAgain() {
        fixture.givenCommands(fx.open(), fx.close("2026-03"));
        fixture.when(fx.close("2026-03")).expectException(refusal("period.close.out-of-order", "entry.payload.period"));
    }

    @Test
    void cannotCloseWithAnUnpostedVoucher() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"))
                .andGivenCommands(fx.record("v2", "2026-03-16"), fx.review("v2"));
        fixture.when(fx.close("2026-03"))
                .expectException(refusal("period.close.unposted-vouchers", "entry.payload.period"))
                .expectExceptionMessage("period.close.unposted-vouchers at entry.payload.period [2026-03, 1]");
    }

    @Test
    void cannotCloseWithAGapInTheNumbers() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"), fx.review("v1"));
        fixture.andGiven(new VoucherPostedEvent(fx.post("v1").entry(), "记", "2026-03", 2));
        fixture.when(fx.close("2026-03"))
                .expectException(refusal("period.close.numbering-gap", "entry.payload.period"))
                .expectExceptionMessage("period.close.numbering-gap at entry.payload.period [2026-03, 记]");
    }

    @Test
    void cannotCloseWhenTheTrialBalanceDoesNotBalance() {
        fixture.givenCommands(fx.open());
        fixture.andGiven(new OpeningBalancesSetEvent(fx.openingBalances(
                balance("100201", "debit", "100.00"), balance("3101", "credit", "99.00")).entry()));
        fixture.when(fx.close("2026-03"))
                .expectException(refusal("period.close.trial-balance", "entry.payload.period"))
                .expectExceptionMessage("period.close.trial-balance at entry.payload.period [100.00, 99.00]");
    }

    @Test
    void onlyAReviewerClosesAPeriod() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.preparer, "period.closed", BookFixtures.json().put("period", "2026-03")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void cannotCloseAPeriodThatIsNotOfTheFormYearDashMonth() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.close("2026-3")).expectException(refusal("period.invalid", "entry.payload.period"));
    }

    @Test
    void reopensTheLatestClosedPeriodWithAReason() {
        fixture.givenCommands(fx.open(), fx.close("2026-03"));
        AppendEntryCommand reopen = fx.reopen("2026-03", "补录3月银行手续费");
        fixture.when(reopen).expectEvents(new PeriodReopenedEvent(reopen.entry()));
    }

    @Test
    void aReopenedPeriodTakesVouchersAgainAndClosesAgain() {
        fixture.givenCommands(fx.open(), fx.close("2026-03"), fx.reopen("2026-03", "补录"))
                .andGivenCommands(fx.posted("v1", "2026-03-31"));
        fixture.when(fx.close("2026-03")).expectSuccessfulHandlerExecution();
    }

    @Test
    void reopensOnlyTheLatestClosedPeriod() {
        fixture.givenCommands(fx.open(), fx.close("2026-03"), fx.close("2026-04"));
        fixture.when(fx.reopen("2026-03", "补录"))
                .expectException(refusal("period.reopen.not-latest", "entry.payload.period"));
    }

    @Test
    void cannotReopenWhenNothingIsClosed() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.reopen("2026-03", "补录"))
                .expectException(refusal("period.reopen.none-closed", "entry.payload.period"));
    }

    @Test
    void cannotReopenWithoutAReason() {
        fixture.givenCommands(fx.open(), fx.close("2026-03"));
        fixture.when(fx.reopen("2026-03", " "))
                .expectException(refusal("period.reopen.reason.blank", "entry.payload.reason"));
    }

    @Test
    void onlyTheCommunityAuditorReopens() {
        fixture.givenCommands(fx.open(), fx.close("2026-03"));
        fixture.when(fx.append(fx.reviewer, "period.reopened",
                        BookFixtures.json().put("period", "2026-03").put("reason", "补录")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }
}
