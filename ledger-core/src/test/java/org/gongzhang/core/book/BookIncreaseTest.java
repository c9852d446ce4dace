package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.SpendingFixtures.and;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.RequestIncreasedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 超支追加 (杭州 §72): an overrun below 10 % of the approved amount needs one committee approval; 10 %
 * or more takes the whole path again. Until then payments stay within the earlier approval.
 */
class BookIncreaseTest {

    private AggregateTestFixture<Book> fixture;
    private SpendingFixtures sx;
    private Object[] approved;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        sx = new SpendingFixtures();
        approved = and(sx.opened(), sx.approvedByCommitteeAndCommunity("r1", "10000.00"));
    }

    private void given(Object... commands) {
        fixture.givenCommands(and(approved, commands));
    }

    private void payable(String amount) {
        AppendEntryCommand pay = sx.pay("v9", "r1", amount);
        fixture.when(pay).expectEvents(new VoucherRecordedEvent(pay.entry()));
    }

    private void beyondApproval(String amount) {
        fixture.when(sx.pay("v9", "r1", amount))
                .expectException(refusal("payment.exceeds-approved", "entry.payload.lines"));
    }

    @Test
    void theRequesterAsksForMore() {
        given();
        AppendEntryCommand increase = sx.increase(sx.member, "r1", "10999.99");
        fixture.when(increase).expectEvents(new RequestIncreasedEvent(increase.entry()));
    }

    @Test
    void anOverrunBelowTenPercentNeedsOneCommitteeApproval() {
        given(sx.increase(sx.member, "r1", "10999.99"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        payable("10999.99");
    }

    @Test
    void anOverrunOfTenPercentTakesTheWholePathAgain() {
        given(sx.increase(sx.member, "r1", "11000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        beyondApproval("10000.01");
    }

    @Test
    void anOverrunOfTenPercentIsPayableOnceTheCommunityApprovedAgain() {
        given(sx.increase(sx.member, "r1", "11000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"),
                sx.approve(sx.fx.auditor, "r1", "COMMUNITY"));
        payable("11000.00");
    }

    @Test
    void untilReapprovedPaymentsStayWithinTheEarlierApproval() {
        given(sx.increase(sx.member, "r1", "10999.99"), sx.pay("v1", "r1", "10000.00"));
        beyondApproval("0.01");
    }

    @Test
    void untilReapprovedTheEarlierApprovalIsPayable() {
        given(sx.increase(sx.member, "r1", "10999.99"));
        payable("10000.00");
    }

    @Test
    void aRefusedIncreaseLeavesTheEarlierApproval() {
        given(sx.increase(sx.member, "r1", "12000.00"), sx.refuse(sx.chair, "r1", "COMMITTEE", "超支理由不充分"));
        payable("10000.00");
    }

    @Test
    void anIncreaseIsHigher() {
        given();
        fixture.when(sx.increase(sx.member, "r1", "10000.00"))
                .expectException(refusal("request.increase.not-higher", "entry.payload.amount"));
    }

    @Test
    void onlyAnApprovedRequestIsIncreased() {
        given(sx.raise("r2", "3000.00"));
        fixture.when(sx.increase(sx.member, "r2", "3100.00"))
                .expectException(refusal("request.not-approved", "entry.payload.requestId"));
    }

    @Test
    void onlyTheRequesterIncreases() {
        given();
        fixture.when(sx.increase(sx.chair, "r1", "10500.00")).expectException(refusal("request.not-requester", "entry.actor"));
    }

    @Test
    void anIncreaseSaysWhy() {
        given();
        fixture.when(sx.fx.append(sx.member, "request.increased", BookFixtures.json().put("requestId", "r1")
                .put("amount", "10500.00").put("reason", "")))
                .expectException(refusal("request.reason.blank", "entry.payload.reason"));
    }

    @Test
    void anIncreaseToTheTenderThresholdGoesToTender() {
        given(sx.increase(sx.member, "r1", "100000.00"));
        fixture.when(sx.pay("v9", "r1", "100.00"))
                .expectException(refusal("request.tender-required", "entry.payload.payment.request"));
    }
}
