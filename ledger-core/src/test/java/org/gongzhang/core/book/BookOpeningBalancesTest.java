package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.balance;
import static org.gongzhang.core.book.BookFixtures.refusal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.OpeningBalancesSetEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 期初余额: once, before the first posting, in balance. */
class BookOpeningBalancesTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
        fixture.givenCommands(fx.open());
    }

    private AppendEntryCommand balanced() {
        return fx.openingBalances(balance("100201", "debit", "80000.00"), balance("2209", "credit", "5000.00"),
                balance("3101", "credit", "75000.00"));
    }

    @Test
    void setsBalancedOpeningBalancesOnLeafAccounts() {
        AppendEntryCommand set = balanced();
        fixture.when(set).expectEvents(new OpeningBalancesSetEvent(set.entry()));
    }

    @Test
    void aBookWithOpeningBalancesStillClosesInBalance() {
        fixture.andGivenCommands(balanced()).andGivenCommands(fx.posted("v1", "2026-03-15"));
        fixture.when(fx.close("2026-03")).expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotSetUnbalancedOpeningBalances() {
        fixture.when(fx.openingBalances(balance("100201", "debit", "100.00"), balance("3101", "credit", "99.00")))
                .expectException(refusal("opening-balances.unbalanced", "entry.payload.balances"))
                .expectExceptionMessage("opening-balances.unbalanced at entry.payload.balances [100.00, 99.00]");
    }

    @Test
    void cannotSetABalanceOnANonLeafAccount() {
        fixture.when(fx.openingBalances(balance("1002", "debit", "1.00"), balance("3101", "credit", "1.00")))
                .expectException(refusal("opening-balances.account.not-leaf", "entry.payload.balances[0].account"));
    }

    @Test
    void cannotSetABalanceOnAnUnknownAccount() {
        fixture.when(fx.openingBalances(balance("100209", "debit", "1.00"), balance("3101", "credit", "1.00")))
                .expectException(refusal("opening-balances.account.unknown", "entry.payload.balances[0].account"));
    }

    @Test
    void cannotSetABalanceOnBothSides() {
        fixture.when(fx.openingBalances(balance("100201", "debit", "1.00").put("credit", "1.00"),
                        balance("3101", "credit", "1.00")))
                .expectException(refusal("opening-balances.line.both-sides", "entry.payload.balances[0]"));
    }

    @Test
    void cannotSetTwoBalancesOnOneAccount() {
        fixture.when(fx.openingBalances(balance("100201", "debit", "1.00"), balance("100201", "debit", "1.00"),
                        balance("3101", "credit", "2.00")))
                .expectException(refusal("opening-balances.account.duplicate", "entry.payload.balances[1].account"));
    }

    @Test
    void cannotSetNoBalances() {
        fixture.when(fx.openingBalances()).expectException(refusal("opening-balances.empty", "entry.payload.balances"));
    }

    @Test
    void cannotSetOpeningBalancesTwice() {
        fixture.andGivenCommands(balanced());
        fixture.when(balanced()).expectException(refusal("opening-balances.already-set", "entry.payload.balances"));
    }

    @Test
    void cannotSetOpeningBalancesAfterTheFirstPosting() {
        fixture.andGivenCommands(fx.posted("v1", "2026-03-15"));
        fixture.when(balanced()).expectException(refusal("opening-balances.after-posting", "entry.payload.balances"));
    }
}
