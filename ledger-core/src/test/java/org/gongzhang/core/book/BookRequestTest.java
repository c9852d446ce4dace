package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.SpendingFixtures.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.RequestRaisedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 支出申请: what a request must say when it is raised. */
class BookRequestTest {

    private AggregateTestFixture<Book> fixture;
    private SpendingFixtures sx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        sx = new SpendingFixtures();
    }

    private void refused(ObjectNode request, String code, String field) {
        fixture.givenCommands(sx.opened());
        fixture.when(sx.raise(sx.member, request)).expectException(refusal(code, field));
    }

    @Test
    void aCommitteeMemberRaisesARequest() {
        fixture.givenCommands(sx.opened());
        AppendEntryCommand raise = sx.raise("r1", "1800.00");
        fixture.when(raise).expectEvents(new RequestRaisedEvent(raise.entry()));
    }

    @Test
    void thePropertyCompanyRaisesARequestForAPrivatePayee() {
        fixture.givenCommands(sx.opened());
        ObjectNode request = request("r1", "300.00");
        request.set("payee", SpendingFixtures.personPayee(SpendingFixtures.COMMITMENT));
        AppendEntryCommand raise = sx.raise(sx.company, request);
        fixture.when(raise).expectEvents(new RequestRaisedEvent(raise.entry()));
    }

    @Test
    void theAgentDoesNotRaiseRequests() {
        fixture.givenCommands(sx.opened());
        fixture.when(sx.raise(sx.fx.preparer, request("r1", "300.00")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void aRequestNeedsAnAdoptedRuleSet() {
        fixture.givenCommands(sx.openedWithoutRules());
        fixture.when(sx.raise("r1", "300.00")).expectException(refusal("request.ruleset.none", "entry.kind"));
    }

    @Test
    void aRequestIdIsUsedOnce() {
        fixture.givenCommands(SpendingFixtures.and(sx.opened(), sx.raise("r1", "300.00")));
        fixture.when(sx.raise("r1", "400.00")).expectException(refusal("request.id.duplicate", "entry.payload.requestId"));
    }

    @Test
    void aRequestSaysWhatItIsFor() {
        refused(request("r1", "300.00").put("purpose", " "), "request.purpose.blank", "entry.payload.purpose");
    }

    @Test
    void aRequestIsChargedToAnExpenseAccount() {
        refused(request("r1", "300.00").put("account", "100201"), "request.account.not-expense", "entry.payload.account");
    }

    @Test
    void aTransferToTheMaintenanceFundIsNotAnExpense() {
        refused(request("r1", "300.00").put("account", "5501"), "request.account.not-expense", "entry.payload.account");
    }

    @Test
    void aRequestIsChargedToALeafAccount() {
        refused(request("r1", "300.00").put("account", "5101"), "request.account.not-leaf", "entry.payload.account");
    }

    @Test
    void aRequestIsChargedToAKnownAccount() {
        refused(request("r1", "300.00").put("account", "510199"), "request.account.unknown", "entry.payload.account");
    }

    @Test
    void aRequestIsChargedToAnEnabledAccount() {
        fixture.givenCommands(SpendingFixtures.and(sx.opened(), sx.fx.disableAccount("510102")));
        fixture.when(sx.raise(sx.member, request("r1", "300.00").put("account", "510102")))
                .expectException(refusal("request.account.disabled", "entry.payload.account"));
    }

    @Test
    void aPrivatePayeeNeverAppearsInClear() {
        ObjectNode request = request("r1", "300.00");
        request.set("payee", SpendingFixtures.personPayee(SpendingFixtures.COMMITMENT).put("name", "张三"));
        refused(request, "payee.person.in-clear", "entry.payload.payee.name");
    }

    @Test
    void aPrivatePayeeIsACommitment() {
        ObjectNode request = request("r1", "300.00");
        request.set("payee", SpendingFixtures.personPayee("张三"));
        refused(request, "payee.commitment.invalid", "entry.payload.payee.commitment");
    }

    @Test
    void aCompanyPayeeIsNamed() {
        ObjectNode request = request("r1", "300.00");
        request.set("payee", SpendingFixtures.companyPayee(""));
        refused(request, "payee.name.blank", "entry.payload.payee.name");
    }

    @Test
    void aPayeeIsACompanyOrAPerson() {
        ObjectNode request = request("r1", "300.00");
        request.set("payee", SpendingFixtures.companyPayee("某公司").put("type", "GROUP"));
        refused(request, "payee.type.unknown", "entry.payload.payee.type");
    }

    @Test
    void aMatterIsOrdinaryOrMajor() {
        refused(request("r1", "300.00").put("matter", "URGENT"), "matter.unknown", "entry.payload.matter");
    }

    @Test
    void quotesAreCitedByHash() {
        ObjectNode request = request("r1", "300.00");
        ((ObjectNode) request.get("quotes").get(0)).put("sha256", "AB".repeat(32));
        refused(request, "request.file.sha256.invalid", "entry.payload.quotes[0].sha256");
    }

    @Test
    void aRequestAsksForAPositiveAmount() {
        refused(request("r1", "0.00"), "amount.not-positive", "entry.payload.amount");
    }
}
