package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.SpendingFixtures.and;
import static org.gongzhang.core.book.SpendingFixtures.passed;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.RequestApprovedEvent;
import org.gongzhang.core.book.api.RequestCancelledEvent;
import org.gongzhang.core.book.api.RequestEscalatedEvent;
import org.gongzhang.core.book.api.RequestRefusedEvent;
import org.gongzhang.core.book.api.RequestResubmittedEvent;
import org.gongzhang.core.book.api.RequestReturnedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 不予批准, 退回补充 and resubmission, 撤销, and escalation of a step that waited too long. */
class BookRequestLifecycleTest {

    private AggregateTestFixture<Book> fixture;
    private SpendingFixtures sx;
    private Object[] opened;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        sx = new SpendingFixtures();
        opened = sx.opened();
    }

    private void given(Object... commands) {
        fixture.givenCommands(and(opened, commands));
    }

    private void accepted(AppendEntryCommand command, Object event) {
        fixture.when(command).expectEvents(event);
    }

    @Test
    void anApproverRefusesAtThePendingStep() {
        given(sx.raise("r1", "3000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        AppendEntryCommand refuse = sx.refuse(sx.fx.auditor, "r1", "COMMUNITY", "报价明显高于市场价");
        accepted(refuse, new RequestRefusedEvent(refuse.entry()));
    }

    @Test
    void aRefusedRequestIsNeitherApprovedNorPaid() {
        given(sx.raise("r1", "3000.00"), sx.refuse(sx.chair, "r1", "COMMITTEE", "不属于公共收益支出范围"));
        fixture.when(sx.approve(sx.otherMember, "r1", "COMMITTEE"))
                .expectException(refusal("request.not-pending", "entry.payload.requestId"));
    }

    @Test
    void aRefusalSaysWhy() {
        given(sx.raise("r1", "3000.00"));
        fixture.when(sx.refuse(sx.chair, "r1", "COMMITTEE", ""))
                .expectException(refusal("request.reason.blank", "entry.payload.reason"));
    }

    @Test
    void onlyAnApproverOfThePendingStepRefuses() {
        given(sx.raise("r1", "3000.00"));
        fixture.when(sx.refuse(sx.fx.auditor, "r1", "COMMITTEE", "不同意"))
                .expectException(refusal("request.step.role", "entry.role"));
    }

    @Test
    void theAssemblyStepIsRefusedOnADecisionThatFailed() {
        given(sx.raise("r1", "60000.00"), sx.decide(SpendingFixtures.decision("d1", "ORDINARY", "r1", 240, "24000.00",
                100, "10000.00", "FAILED")));
        AppendEntryCommand refuse = sx.fx.append(sx.chair, "request.refused",
                SpendingFixtures.step("r1", "ASSEMBLY").put("reason", "业主大会未通过").put("decisionId", "d1"));
        accepted(refuse, new RequestRefusedEvent(refuse.entry()));
    }

    @Test
    void theAssemblyStepIsNotRefusedOnADecisionThatPassed() {
        given(sx.raise("r1", "60000.00"), sx.decide(passed("d1", "ORDINARY", "r1")));
        fixture.when(sx.fx.append(sx.chair, "request.refused",
                SpendingFixtures.step("r1", "ASSEMBLY").put("reason", "不同意").put("decisionId", "d1")))
                .expectException(refusal("request.decision.passed", "entry.payload.decisionId"));
    }

    @Test
    void anApproverReturnsARequestWithAQuestion() {
        given(sx.raise("r1", "3000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        AppendEntryCommand back = sx.returnTo(sx.fx.auditor, "r1", "COMMUNITY", "请补充第二份报价");
        accepted(back, new RequestReturnedEvent(back.entry()));
    }

    @Test
    void aReturnAsksSomething() {
        given(sx.raise("r1", "3000.00"));
        fixture.when(sx.returnTo(sx.chair, "r1", "COMMITTEE", " "))
                .expectException(refusal("request.question.blank", "entry.payload.question"));
    }

    @Test
    void theRequesterResubmitsAReturnedRequest() {
        given(sx.raise("r1", "3000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"),
                sx.returnTo(sx.fx.auditor, "r1", "COMMUNITY", "请补充第二份报价"));
        AppendEntryCommand resubmit = sx.resubmit(sx.member, "r1", "2800.00");
        accepted(resubmit, new RequestResubmittedEvent(resubmit.entry()));
    }

    @Test
    void aResubmittedRequestStartsItsPathAgain() {
        given(sx.raise("r1", "3000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"),
                sx.returnTo(sx.fx.auditor, "r1", "COMMUNITY", "请补充第二份报价"), sx.resubmit(sx.member, "r1", "2800.00"));
        fixture.when(sx.approve(sx.fx.auditor, "r1", "COMMUNITY"))
                .expectException(refusal("request.step.not-pending", "entry.payload.step"));
    }

    @Test
    void aResubmittedRequestIsApprovedAgainFromTheFirstStep() {
        given(sx.raise("r1", "3000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"),
                sx.returnTo(sx.fx.auditor, "r1", "COMMUNITY", "请补充第二份报价"), sx.resubmit(sx.member, "r1", "2800.00"),
                sx.approve(sx.chair, "r1", "COMMITTEE"), sx.approve(sx.fx.auditor, "r1", "COMMUNITY"));
        AppendEntryCommand pay = sx.pay("v1", "r1", "2800.00");
        accepted(pay, new VoucherRecordedEvent(pay.entry()));
    }

    @Test
    void aResubmissionBelowATierTakesThatTiersPath() {
        given(sx.raise("r1", "3000.00"), sx.returnTo(sx.chair, "r1", "COMMITTEE", "金额能否压缩"),
                sx.resubmit(sx.member, "r1", "1500.00"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        AppendEntryCommand pay = sx.pay("v1", "r1", "1500.00");
        accepted(pay, new VoucherRecordedEvent(pay.entry()));
    }

    @Test
    void onlyTheRequesterResubmits() {
        given(sx.raise("r1", "3000.00"), sx.returnTo(sx.chair, "r1", "COMMITTEE", "请补充报价"));
        fixture.when(sx.resubmit(sx.otherMember, "r1", "2800.00"))
                .expectException(refusal("request.not-requester", "entry.actor"));
    }

    @Test
    void onlyAReturnedRequestIsResubmitted() {
        given(sx.raise("r1", "3000.00"));
        fixture.when(sx.resubmit(sx.member, "r1", "2800.00"))
                .expectException(refusal("request.not-returned", "entry.payload.requestId"));
    }

    @Test
    void theRequesterCancels() {
        given(sx.raise("r1", "3000.00"));
        AppendEntryCommand cancel = sx.cancel(sx.member, "r1");
        accepted(cancel, new RequestCancelledEvent(cancel.entry()));
    }

    @Test
    void theChairCancelsARequestOfTheCompany() {
        given(sx.raise(sx.company, SpendingFixtures.request("r1", "3000.00")));
        AppendEntryCommand cancel = sx.cancel(sx.chair, "r1");
        accepted(cancel, new RequestCancelledEvent(cancel.entry()));
    }

    @Test
    void anotherMemberDoesNotCancel() {
        given(sx.raise("r1", "3000.00"));
        fixture.when(sx.cancel(sx.otherMember, "r1")).expectException(refusal("request.not-requester", "entry.actor"));
    }

    @Test
    void aCancelledRequestStaysCancelled() {
        given(sx.raise("r1", "3000.00"), sx.cancel(sx.member, "r1"));
        fixture.when(sx.cancel(sx.chair, "r1")).expectException(refusal("request.closed", "entry.payload.requestId"));
    }

    @Test
    void aPaidRequestIsNotCancelled() {
        given(sx.raise("r1", "300.00"), sx.approve(sx.chair, "r1", "COMMITTEE"), sx.pay("v1", "r1", "100.00"));
        fixture.when(sx.cancel(sx.member, "r1")).expectException(refusal("request.cancel.paid", "entry.payload.requestId"));
    }

    @Test
    void aRequestWhosePaymentWasVoidedIsCancelled() {
        given(sx.raise("r1", "300.00"), sx.approve(sx.chair, "r1", "COMMITTEE"), sx.pay("v1", "r1", "100.00"),
                sx.fx.voidVoucher("v1", "重复录入"));
        AppendEntryCommand cancel = sx.cancel(sx.member, "r1");
        accepted(cancel, new RequestCancelledEvent(cancel.entry()));
    }

    @Test
    void aCancelledRequestIsNotPaid() {
        given(sx.raise("r1", "300.00"), sx.approve(sx.chair, "r1", "COMMITTEE"), sx.cancel(sx.member, "r1"));
        fixture.when(sx.pay("v1", "r1", "100.00"))
                .expectException(refusal("payment.request.not-approved", "entry.payload.payment.request"));
    }

    /** Raised on Friday 2026-03-20: five working days run to Friday 03-27; Monday 03-30 is the sixth. */
    private AppendEntryCommand raisedOnFriday() {
        return sx.fx.append(sx.fx.entry(sx.member, "request.raised", SpendingFixtures.request("r1", "3000.00"),
                e -> e.put("businessDate", "2026-03-20")));
    }

    @Test
    void aStepIsNotEscalatedWithinItsWorkingDays() {
        given(raisedOnFriday());
        fixture.when(sx.escalate(sx.service, "r1", "COMMITTEE", "2026-03-27"))
                .expectException(refusal("request.escalation.too-early", "entry.businessDate"));
    }

    @Test
    void aStepIsEscalatedOnceItWaitedLonger() {
        given(raisedOnFriday());
        AppendEntryCommand escalate = sx.escalate(sx.service, "r1", "COMMITTEE", "2026-03-30");
        accepted(escalate, new RequestEscalatedEvent(escalate.entry()));
    }

    @Test
    void theCommunityAuditorEscalatesToo() {
        given(raisedOnFriday());
        AppendEntryCommand escalate = sx.escalate(sx.fx.auditor, "r1", "COMMITTEE", "2026-03-30");
        accepted(escalate, new RequestEscalatedEvent(escalate.entry()));
    }

    @Test
    void aCommitteeMemberDoesNotEscalate() {
        given(raisedOnFriday());
        fixture.when(sx.escalate(sx.otherMember, "r1", "COMMITTEE", "2026-03-30"))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void aStepIsEscalatedOnce() {
        given(raisedOnFriday(), sx.escalate(sx.service, "r1", "COMMITTEE", "2026-03-30"));
        fixture.when(sx.escalate(sx.fx.auditor, "r1", "COMMITTEE", "2026-04-01"))
                .expectException(refusal("request.escalation.repeated", "entry.payload.step"));
    }

    @Test
    void theNextStepWaitsAfreshFromItsApproval() {
        given(raisedOnFriday(), sx.escalate(sx.service, "r1", "COMMITTEE", "2026-03-30"),
                sx.approve(sx.chair, "r1", "COMMITTEE"));
        fixture.when(sx.escalate(sx.service, "r1", "COMMUNITY", "2026-04-02"))
                .expectException(refusal("request.escalation.too-early", "entry.businessDate"));
    }

    @Test
    void onlyThePendingStepIsEscalated() {
        given(raisedOnFriday());
        fixture.when(sx.escalate(sx.service, "r1", "COMMUNITY", "2026-03-30"))
                .expectException(refusal("request.step.not-pending", "entry.payload.step"));
    }

    @Test
    void anEscalationIsNotDatedAhead() {
        given(raisedOnFriday());
        fixture.when(sx.escalate(sx.service, "r1", "COMMITTEE", "2026-04-03"))
                .expectException(refusal("request.escalation.dated-ahead", "entry.businessDate"));
    }

    @Test
    void aDeadlineIsTheOnlyReasonToEscalate() {
        given(raisedOnFriday());
        fixture.when(sx.fx.append(sx.fx.entry(sx.service, "request.escalated", BookFixtures.json()
                .put("requestId", "r1").put("step", "COMMITTEE").put("reason", "URGENT"),
                e -> e.put("businessDate", "2026-03-30"))))
                .expectException(refusal("request.escalation.reason.unknown", "entry.payload.reason"));
    }

    @Test
    void anEscalatedStepIsStillApprovedAsBefore() {
        given(raisedOnFriday(), sx.escalate(sx.service, "r1", "COMMITTEE", "2026-03-30"));
        AppendEntryCommand approve = sx.approve(sx.chair, "r1", "COMMITTEE");
        accepted(approve, new RequestApprovedEvent(approve.entry()));
    }
}
