package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.core.book.BookFixtures.credit;
import static org.gongzhang.core.book.BookFixtures.debit;
import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.BookFixtures.voucher;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AccountAddedEvent;
import org.gongzhang.core.book.api.AccountDisabledEvent;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 增设明细科目 and 停用科目. */
class BookAccountTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
    }

    @Test
    void addsAnAccountUnderAnUnusedParentWithTheParentsDirection() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand add = fx.addAccount("470105", "场地活动收入", "4701");
        fixture.when(add)
                .expectEvents(new AccountAddedEvent(add.entry()))
                .expectState(book -> assertThat(new ObjectMapper().valueToTree(book)
                        .at("/accounts/chart/accounts/470105/direction").asText()).isEqualTo("CREDIT"));
    }

    @Test
    void aNewChildTurnsAnUnusedLeafIntoAParent() {
        fixture.givenCommands(fx.open(), fx.addAccount("47010201", "电梯广告", "470102"));
        fixture.when(fx.record(voucher("v1", "2026-03-15", debit("100201", "1.00"), credit("470102", "1.00"))))
                .expectException(refusal("voucher.line.account.not-leaf", "entry.payload.lines[1].account"));
    }

    @Test
    void cannotAddUnderAnAccountAVoucherLineHasUsed() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"));
        fixture.when(fx.addAccount("47010101", "地面车位", "470101"))
                .expectException(refusal("account.parent.used", "entry.payload.parent"));
    }

    @Test
    void cannotAddUnderAnAccountAnOpeningBalanceHasUsed() {
        fixture.givenCommands(fx.open(), fx.openingBalances(BookFixtures.balance("100201", "debit", "5.00"),
                BookFixtures.balance("3101", "credit", "5.00")));
        fixture.when(fx.addAccount("310101", "历年结余", "3101"))
                .expectException(refusal("account.parent.used", "entry.payload.parent"));
    }

    @Test
    void cannotAddACodeTwice() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.addAccount("470101", "停车费", "4701"))
                .expectException(refusal("account.code.duplicate", "entry.payload.code"));
    }

    @Test
    void cannotAddUnderAnUnknownParent() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.addAccount("470501", "x", "4705")).expectException(refusal("account.parent.unknown", "entry.payload.parent"));
    }

    @Test
    void cannotAddACodeThatDoesNotExtendItsParents() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.addAccount("480101", "x", "4701"))
                .expectException(refusal("account.code.not-under-parent", "entry.payload.code"));
    }

    @Test
    void cannotAddACodeOfTheWrongForm() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.addAccount("47010", "x", "4701")).expectException(refusal("account.code.invalid", "entry.payload.code"));
    }

    @Test
    void cannotAddUnderADisabledParent() {
        fixture.givenCommands(fx.open(), fx.disableAccount("470102"));
        fixture.when(fx.addAccount("47010201", "x", "470102"))
                .expectException(refusal("account.parent.disabled", "entry.payload.parent"));
    }

    @Test
    void cannotAddWithoutAName() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.addAccount("470105", " ", "4701")).expectException(refusal("account.name.blank", "entry.payload.name"));
    }

    @Test
    void disablesAnAccountOfAnyLevelWithAReason() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand disable = fx.disableAccount("4701");
        fixture.when(disable).expectEvents(new AccountDisabledEvent(disable.entry()));
    }

    @Test
    void disablesAnAccountAlreadyUsedOnALine() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"));
        fixture.when(fx.disableAccount("470101")).expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotDisableAnUnknownAccount() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.disableAccount("470188")).expectException(refusal("account.unknown", "entry.payload.code"));
    }

    @Test
    void cannotDisableTwice() {
        fixture.givenCommands(fx.open(), fx.disableAccount("470102"));
        fixture.when(fx.disableAccount("470102")).expectException(refusal("account.already-disabled", "entry.payload.code"));
    }

    @Test
    void cannotDisableWithoutAReason() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.preparer, "account.disabled", BookFixtures.json().put("code", "470102").put("reason", "")))
                .expectException(refusal("account.disable.reason.blank", "entry.payload.reason"));
    }

    @Test
    void theCommunityAuditorCannotChangeTheChart() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.auditor, "account.disabled", BookFixtures.json().put("code", "470102").put("reason", "x")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }
}
