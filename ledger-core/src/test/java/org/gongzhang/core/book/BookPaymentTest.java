package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.SpendingFixtures.and;
import static org.gongzhang.core.book.SpendingFixtures.line;
import static org.gongzhang.core.book.SpendingFixtures.passed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.core.book.api.VoucherReviewedEvent;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 付款凭证 against an approved request: debit its expense account, credit cash or bank, and never
 * above the approved amount with every payment before it that stands.
 */
class BookPaymentTest {

    private AggregateTestFixture<Book> fixture;
    private SpendingFixtures sx;
    private Object[] approved;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        sx = new SpendingFixtures();
        approved = and(sx.opened(), sx.approvedByCommitteeAndCommunity("r1", "5000.00"));
    }

    private void given(Object... commands) {
        fixture.givenCommands(and(approved, commands));
    }

    private void accepted(AppendEntryCommand pay) {
        fixture.when(pay).expectEvents(new VoucherRecordedEvent(pay.entry()));
    }

    private void refused(ObjectNode voucher, String code, String field) {
        fixture.when(sx.fx.record(voucher)).expectException(refusal(code, field));
    }

    @Test
    void paysUpToTheApprovedAmountInParts() {
        given(sx.pay("v1", "r1", "3000.00"));
        accepted(sx.pay("v2", "r1", "2000.00"));
    }

    @Test
    void theNextFenAboveTheApprovedAmountIsRefused() {
        given(sx.pay("v1", "r1", "3000.00"), sx.pay("v2", "r1", "2000.00"));
        refused(SpendingFixtures.payment("v3", "r1", "0.01"), "payment.exceeds-approved", "entry.payload.lines");
    }

    @Test
    void aSinglePaymentAboveTheApprovedAmountIsRefused() {
        given();
        refused(SpendingFixtures.payment("v1", "r1", "5000.01"), "payment.exceeds-approved", "entry.payload.lines");
    }

    @Test
    void aVoidedPaymentFreesItsAmount() {
        given(sx.pay("v1", "r1", "5000.00"), sx.fx.voidVoucher("v1", "金额录错"));
        accepted(sx.pay("v2", "r1", "5000.00"));
    }

    @Test
    void aReversedPaymentFreesItsAmount() {
        given(sx.pay("v1", "r1", "5000.00"), sx.fx.review("v1"), sx.fx.post("v1"),
                sx.fx.reverse("red1", "v1", "2026-04-02"));
        accepted(sx.pay("v2", "r1", "5000.00"));
    }

    @Test
    void aPostedPaymentStillCounts() {
        given(sx.pay("v1", "r1", "5000.00"), sx.fx.review("v1"), sx.fx.post("v1"));
        refused(SpendingFixtures.payment("v2", "r1", "0.01"), "payment.exceeds-approved", "entry.payload.lines");
    }

    @Test
    void aRequestNotYetApprovedIsNotPaid() {
        given(sx.raise("r2", "3000.00"), sx.approve(sx.chair, "r2", "COMMITTEE"));
        refused(SpendingFixtures.payment("v1", "r2", "100.00"), "payment.request.not-approved",
                "entry.payload.payment.request");
    }

    @Test
    void anUnknownRequestIsNotPaid() {
        given();
        refused(SpendingFixtures.payment("v1", "r9", "100.00"), "request.unknown", "entry.payload.payment.request");
    }

    @Test
    void aProjectThatNeedsATenderIsNotPaidDirectly() {
        given(sx.raise("r2", "100000.00"), sx.decide(passed("d1", "ORDINARY", "r2")), sx.assembly("r2", "d1"),
                sx.approve(sx.fx.auditor, "r2", "COMMUNITY"));
        refused(SpendingFixtures.payment("v1", "r2", "100.00"), "request.tender-required",
                "entry.payload.payment.request");
    }

    @Test
    void justBelowTheTenderThresholdIsPaidDirectly() {
        given(sx.raise("r2", "99999.99"), sx.decide(passed("d1", "ORDINARY", "r2")), sx.assembly("r2", "d1"),
                sx.approve(sx.fx.auditor, "r2", "COMMUNITY"));
        accepted(sx.pay("v1", "r2", "99999.99"));
    }

    @Test
    void aPaymentDebitsTheRequestsAccount() {
        given();
        ObjectNode voucher = BookFixtures.voucher("v1", "2026-04-01", line("510102", "debit", "100.00"),
                line("100201", "credit", "100.00"));
        voucher.putObject("payment").put("request", "r1");
        refused(voucher, "payment.debit.not-request-account", "entry.payload.lines[0].account");
    }

    @Test
    void aPaymentCreditsCashOrBank() {
        given();
        ObjectNode voucher = BookFixtures.voucher("v1", "2026-04-01", line("510101", "debit", "100.00"),
                line("2202", "credit", "100.00"));
        voucher.putObject("payment").put("request", "r1");
        refused(voucher, "payment.credit.not-cash", "entry.payload.lines[1].account");
    }

    @Test
    void aPaymentMayBeInCash() {
        given();
        ObjectNode voucher = BookFixtures.voucher("v1", "2026-04-01", line("510101", "debit", "100.00"),
                line("1001", "credit", "100.00"));
        voucher.putObject("payment").put("request", "r1");
        accepted(sx.fx.record(voucher));
    }

    @Test
    void aVoucherWithoutPaymentIsNotChecked() {
        given();
        accepted(sx.fx.record(BookFixtures.voucher("v1", "2026-04-01", line("510101", "debit", "9000.00"),
                line("100201", "credit", "9000.00"))));
    }

    // ---- separation of duties across roles: requester ≠ approver ≠ preparer ≠ reviewer (DOMAIN §1)

    @Test
    void theRequesterDoesNotPrepareThePaymentEvenAsAnAgent() {
        BookFixtures.Signer requesterAsAgent = sx.fx.signer(sx.member.actor(), Role.AGENT_PREPARER, "周伟");
        given(sx.fx.register(requesterAsAgent));
        fixture.when(sx.fx.append(requesterAsAgent, "voucher.recorded", SpendingFixtures.payment("v1", "r1", "100.00")))
                .expectException(refusal("payment.preparer.involved", "entry.actor"));
    }

    @Test
    void anApproverDoesNotPrepareThePaymentEvenAsAnAgent() {
        BookFixtures.Signer approverAsAgent = sx.fx.signer(sx.chair.actor(), Role.AGENT_PREPARER, "孙丽");
        given(sx.fx.register(approverAsAgent));
        fixture.when(sx.fx.append(approverAsAgent, "voucher.recorded", SpendingFixtures.payment("v1", "r1", "100.00")))
                .expectException(refusal("payment.preparer.involved", "entry.actor"));
    }

    @Test
    void anApproverDoesNotReviewThePaymentEvenAsAnAgent() {
        BookFixtures.Signer auditorAsReviewer = sx.fx.signer(sx.fx.auditor.actor(), Role.AGENT_REVIEWER, "社区审核员");
        given(sx.fx.register(auditorAsReviewer), sx.pay("v1", "r1", "100.00"));
        fixture.when(sx.fx.append(auditorAsReviewer, "voucher.reviewed", BookFixtures.json().put("voucherId", "v1")))
                .expectException(refusal("payment.reviewer.involved", "entry.actor"));
    }

    @Test
    void someoneElseReviewsThePayment() {
        given(sx.pay("v1", "r1", "100.00"));
        AppendEntryCommand review = sx.fx.review("v1");
        fixture.when(review).expectEvents(new VoucherReviewedEvent(review.entry()));
    }

    @Test
    void anApproverWhoIsAlsoAnAgentReviewsOtherVouchers() {
        BookFixtures.Signer chairAsReviewer = sx.fx.signer(sx.chair.actor(), Role.AGENT_REVIEWER, "孙丽");
        given(sx.fx.register(chairAsReviewer), sx.fx.record("v9", "2026-04-01"));
        AppendEntryCommand review = sx.fx.append(chairAsReviewer, "voucher.reviewed",
                BookFixtures.json().put("voucherId", "v9"));
        fixture.when(review).expectEvents(new VoucherReviewedEvent(review.entry()));
    }
}
