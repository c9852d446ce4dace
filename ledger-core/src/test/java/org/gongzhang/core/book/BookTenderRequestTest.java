package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.SpendingFixtures.and;
import static org.gongzhang.core.book.SpendingFixtures.passed;
import static org.gongzhang.core.book.TenderFixtures.bid;
import static org.gongzhang.core.book.TenderFixtures.opening;
import static org.gongzhang.core.book.TenderFixtures.payment;
import static org.gongzhang.core.book.TenderFixtures.tender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.RequestCancelledEvent;
import org.gongzhang.core.book.api.TenderPublishedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tender serves an approved request (业标镇管 for 业财社管): r1, 外墙修缮 works of 180,000.00,
 * approved by the owners' assembly and the community, is tendered on the platform and paid only
 * against the contract; a request not approved, a budget above the approval, a second tender while
 * one stands, are refused. The tenders are dated in March, the requests on the clock's 2026-04-02:
 * the log's order, not the business date, says that the approval came first.
 */
class BookTenderRequestTest {

    private AggregateTestFixture<Book> fixture;
    private SpendingFixtures sx;
    private TenderFixtures tx;
    private Object[] approved;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        sx = new SpendingFixtures();
        tx = new TenderFixtures(sx.fx).onBookOpenedElsewhere();
        approved = and(sx.opened(), sx.fx.register(tx.officer), sx.fx.register(tx.chair),
                sx.raise(sx.member, SpendingFixtures.request("r1", "180000.00").put("works", true)),
                sx.decide(passed("d1", "ORDINARY", "r1")), sx.assembly("r1", "d1"),
                sx.approve(sx.fx.auditor, "r1", "COMMUNITY"));
    }

    private void given(Object... commands) {
        fixture.givenCommands(and(approved, commands));
    }

    /** The default tender (budget 120,000.00, works) serving {@code requestId}. */
    private static ObjectNode serving(String requestId) {
        return tender().put("requestId", requestId);
    }

    private void published(ObjectNode tender) {
        AppendEntryCommand publish = tx.publish(tender);
        fixture.when(publish).expectEvents(new TenderPublishedEvent(publish.entry()));
    }

    private void refusedToPublish(ObjectNode tender, String code, String field) {
        fixture.when(tx.publish(tender)).expectException(refusal(code, field));
    }

    /** A second tender for the same request, published on {@code date} with its notice and opening after it. */
    private AppendEntryCommand another(String requestId, String date) {
        LocalDate day = LocalDate.parse(date);
        return tx.on(date, tx.officer, "tender.published", serving(requestId).put("tenderId", "t-2026-002")
                .put("noticeFrom", date).put("noticeUntil", day.plusDays(5).toString())
                .put("bidOpening", day.plusDays(6).toString()));
    }

    @Test
    void publishesATenderServingAnApprovedRequest() {
        given();
        published(serving("r1"));
    }

    @Test
    void theBudgetMayReachTheApprovedAmount() {
        given();
        published(serving("r1").put("budget", "180000.00"));
    }

    @Test
    void theBudgetCannotExceedTheApprovedAmountByOneFen() {
        given();
        refusedToPublish(serving("r1").put("budget", "180000.01"), "tender.budget.above-approved",
                "entry.payload.budget");
    }

    @Test
    void theBudgetLeavesOutWhatTheRequestPaidDirectly() {
        given(sx.approvedByCommitteeAndCommunity("r2", "50000.00"), sx.pay("v1", "r2", "10000.00"));
        refusedToPublish(serving("r2").put("budget", "40000.01").put("works", false), "tender.budget.above-approved",
                "entry.payload.budget");
    }

    @Test
    void aBudgetWithinWhatTheDirectPaymentsLeaveIsPublished() {
        given(sx.approvedByCommitteeAndCommunity("r2", "50000.00"), sx.pay("v1", "r2", "10000.00"));
        published(serving("r2").put("budget", "40000.00").put("works", false));
    }

    @Test
    void cannotTenderAnUnknownRequest() {
        given();
        refusedToPublish(serving("r9"), "request.unknown", "entry.payload.requestId");
    }

    @Test
    void cannotTenderARequestStillOnItsPath() {
        given(sx.raise("r2", "60000.00"), sx.decide(passed("d2", "ORDINARY", "r2")), sx.assembly("r2", "d2"));
        refusedToPublish(serving("r2").put("budget", "60000.00"), "tender.request.not-approved",
                "entry.payload.requestId");
    }

    @Test
    void cannotTenderARefusedRequest() {
        given(sx.raise("r2", "3000.00"), sx.refuse(sx.chair, "r2", "COMMITTEE", "不必更换"));
        refusedToPublish(serving("r2").put("budget", "3000.00"), "tender.request.not-approved",
                "entry.payload.requestId");
    }

    @Test
    void cannotTenderACancelledRequest() {
        given(sx.cancel(sx.member, "r1"));
        refusedToPublish(serving("r1"), "tender.request.not-approved", "entry.payload.requestId");
    }

    @Test
    void whileAnIncreaseIsPendingTheEarlierApprovalBoundsTheBudget() {
        given(sx.increase(sx.member, "r1", "190000.00"));
        refusedToPublish(serving("r1").put("budget", "185000.00"), "tender.budget.above-approved",
                "entry.payload.budget");
    }

    @Test
    void worksAreTenderedAsWorks() {
        given();
        refusedToPublish(serving("r1").put("works", false), "tender.works.required", "entry.payload.works");
    }

    @Test
    void aRequestHasOneTenderWhileItsNoticeRuns() {
        given(tx.publish(serving("r1")));
        fixture.when(another("r1", "2026-03-07"))
                .expectException(refusal("tender.request.duplicate", "entry.payload.requestId"));
    }

    @Test
    void aTenderWithEnoughBidsStillServesItsRequestAfterItsNotice() {
        given(tx.publish(serving("r1")), tx.receive(1), tx.receive(2), tx.receive(3));
        fixture.when(another("r1", "2026-03-08"))
                .expectException(refusal("tender.request.duplicate", "entry.payload.requestId"));
    }

    @Test
    void aContractedTenderStillServesItsRequest() {
        given(tx.serving("r1").contracted());
        fixture.when(another("r1", "2026-03-20"))
                .expectException(refusal("tender.request.duplicate", "entry.payload.requestId"));
    }

    @Test
    void aTenderThatFailedIsReplacedAndTakesNoFurtherStep() {
        given(tx.publish(serving("r1")), tx.receive(1), tx.receive(2), another("r1", "2026-03-08"));
        fixture.when(tx.receive(bid(3), "2026-03-07"))
                .expectException(refusal("tender.superseded", "entry.payload.tenderId"));
    }

    @Test
    void aTenderMayReplaceOneThatFailed() {
        given(tx.publish(serving("r1")), tx.receive(1), tx.receive(2));
        AppendEntryCommand again = another("r1", "2026-03-08");
        fixture.when(again).expectEvents(new TenderPublishedEvent(again.entry())).expectState(book -> {
            JsonNode tenders = new ObjectMapper().valueToTree(book).at("/tenders/tenders");
            assertThat(tenders.at("/t-2026-001/supersededBy").asText()).isEqualTo("t-2026-002");
            assertThat(tenders.at("/t-2026-002/requestId").asText()).isEqualTo("r1");
            assertThat(tenders.at("/t-2026-002/supersededBy").isNull()).isTrue();
        });
    }

    @Test
    void aFailedTenderCannotBeOpenedOnceReplaced() {
        given(tx.publish(serving("r1")), tx.receive(1), tx.receive(2), another("r1", "2026-03-08"));
        fixture.when(tx.open(opening(2), "2026-03-09"))
                .expectException(refusal("tender.superseded", "entry.payload.tenderId"));
    }

    @Test
    void aTenderedRequestIsNotPaidDirectly() {
        given(sx.approvedByCommitteeAndCommunity("r2", "50000.00"),
                tx.publish(serving("r2").put("budget", "50000.00").put("works", false)));
        fixture.when(sx.pay("v1", "r2", "100.00"))
                .expectException(refusal("payment.request.tendered", "entry.payload.payment.request"));
    }

    @Test
    void aRequestThatNeedsATenderIsPaidAgainstTheAwardedContract() {
        given(tx.serving("r1").contracted());
        AppendEntryCommand pay = tx.fx.record(payment("p1", "2026-03-18", "50000.00"));
        fixture.when(pay).expectEvents(new VoucherRecordedEvent(pay.entry()));
    }

    @Test
    void aRequestIsNotCancelledOnceItsContractIsPaid() {
        given(tx.serving("r1").contracted(), tx.fx.record(payment("p1", "2026-03-18", "50000.00")));
        fixture.when(sx.cancel(sx.member, "r1"))
                .expectException(refusal("request.cancel.paid", "entry.payload.requestId"));
    }

    @Test
    void aVoidedContractPaymentDoesNotHoldTheRequest() {
        given(tx.serving("r1").contracted(), tx.fx.record(payment("p1", "2026-03-18", "50000.00")),
                tx.fx.voidVoucher("p1", "金额录错"));
        AppendEntryCommand cancel = sx.cancel(sx.member, "r1");
        fixture.when(cancel).expectEvents(new RequestCancelledEvent(cancel.entry()));
    }

    @Test
    void aContractIsNotPaidOnceItsRequestIsCancelled() {
        given(tx.serving("r1").contracted(), sx.cancel(sx.member, "r1"));
        fixture.when(tx.fx.record(payment("p1", "2026-03-18", "50000.00")))
                .expectException(refusal("payment.request.not-approved", "entry.payload.payment.contract"));
    }

    @Test
    void theRequestATenderServesSurvivesASnapshot() {
        given(tx.serving("r1").contracted());
        fixture.when(tx.fx.record(payment("p1", "2026-03-18", "50000.00"))).expectState(book -> {
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            Book restored = serializer.deserialize(serializer.serialize(book, byte[].class));
            ObjectMapper mapper = new ObjectMapper();
            assertThat(mapper.valueToTree(restored).toString()).isEqualTo(mapper.valueToTree(book).toString());
            assertThat(mapper.valueToTree(restored).at("/tenders/tenders/t-2026-001/requestId").asText())
                    .isEqualTo("r1");
        });
    }

    @Test
    void anApproverDoesNotPrepareTheContractsPaymentEvenAsAnAgent() {
        BookFixtures.Signer auditorAsAgent = sx.fx.signer(sx.fx.auditor.actor(), Role.AGENT_PREPARER, "社区审核员");
        given(tx.serving("r1").contracted(), sx.fx.register(auditorAsAgent));
        fixture.when(sx.fx.append(auditorAsAgent, "voucher.recorded", payment("p1", "2026-03-18", "50000.00")))
                .expectException(refusal("payment.preparer.involved", "entry.actor"));
    }

    @Test
    void theRequesterDoesNotReviewTheContractsPaymentEvenAsAnAgent() {
        BookFixtures.Signer requesterAsReviewer = sx.fx.signer(sx.member.actor(), Role.AGENT_REVIEWER, "周伟");
        given(tx.serving("r1").contracted(), sx.fx.register(requesterAsReviewer),
                tx.fx.record(payment("p1", "2026-03-18", "50000.00")));
        fixture.when(sx.fx.append(requesterAsReviewer, "voucher.reviewed", BookFixtures.json().put("voucherId", "p1")))
                .expectException(refusal("payment.reviewer.involved", "entry.actor"));
    }
}
