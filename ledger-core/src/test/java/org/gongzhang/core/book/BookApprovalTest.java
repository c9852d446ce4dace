package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.SpendingFixtures.and;
import static org.gongzhang.core.book.SpendingFixtures.passed;
import static org.gongzhang.core.book.SpendingFixtures.request;
import static org.gongzhang.core.book.SpendingFixtures.step;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.BookFixtures.Signer;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.RequestApprovedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.core.expenditure.SpendingRules;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The approval path (DOMAIN §4 defaults): up to ¥2,000 the committee; up to ¥50,000 the committee,
 * then the community; above, and for a §278 major matter, the owners' assembly, then the community.
 * A request is payable once its last step is approved.
 */
class BookApprovalTest {

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

    private void payable(String requestId, String amount) {
        AppendEntryCommand pay = sx.pay("v1", requestId, amount);
        fixture.when(pay).expectEvents(new VoucherRecordedEvent(pay.entry()));
    }

    private void notPayable(String requestId, String amount) {
        fixture.when(sx.pay("v1", requestId, amount))
                .expectException(refusal("payment.request.not-approved", "entry.payload.payment.request"));
    }

    @Test
    void upToTwoThousandTheCommitteeAloneApproves() {
        given(sx.raise("r1", "2000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        payable("r1", "2000.00");
    }

    @Test
    void aboveTwoThousandTheCommunityReviewsToo() {
        given(sx.raise("r1", "2000.01"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        notPayable("r1", "2000.01");
    }

    @Test
    void upToFiftyThousandTheCommitteeThenTheCommunity() {
        given(sx.raise("r1", "50000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        AppendEntryCommand community = sx.approve(sx.fx.auditor, "r1", "COMMUNITY");
        fixture.when(community).expectEvents(new RequestApprovedEvent(community.entry()));
    }

    @Test
    void theSecondTierIsPayableOnceTheCommunityApproved() {
        given(sx.approvedByCommitteeAndCommunity("r1", "50000.00"));
        payable("r1", "50000.00");
    }

    @Test
    void aboveFiftyThousandTheAssemblyDecidesFirst() {
        given(sx.raise("r1", "50000.01"));
        fixture.when(sx.approve(sx.chair, "r1", "COMMITTEE"))
                .expectException(refusal("request.step.not-pending", "entry.payload.step"));
    }

    @Test
    void theThirdTierIsPayableAfterTheAssemblyAndTheCommunity() {
        given(sx.raise("r1", "60000.00"), sx.decide(passed("d1", "ORDINARY", "r1")), sx.assembly("r1", "d1"),
                sx.approve(sx.fx.auditor, "r1", "COMMUNITY"));
        payable("r1", "60000.00");
    }

    @Test
    void aMajorMatterGoesToTheAssemblyWhateverItsAmount() {
        given(sx.raise(sx.member, request("r1", "800.00").put("matter", "MAJOR")));
        fixture.when(sx.approve(sx.chair, "r1", "COMMITTEE"))
                .expectException(refusal("request.step.not-pending", "entry.payload.step"));
    }

    @Test
    void aMajorMatterNeedsAMajorDecision() {
        given(sx.raise(sx.member, request("r1", "800.00").put("matter", "MAJOR")),
                sx.decide(passed("d1", "ORDINARY", "r1")));
        fixture.when(sx.assembly("r1", "d1"))
                .expectException(refusal("request.decision.matter-too-weak", "entry.payload.decisionId"));
    }

    @Test
    void aMajorMatterIsPayableAfterAMajorDecisionAndTheCommunity() {
        given(sx.raise(sx.member, request("r1", "800.00").put("matter", "MAJOR")),
                sx.decide(passed("d1", "MAJOR", "r1")), sx.assembly("r1", "d1"),
                sx.approve(sx.fx.auditor, "r1", "COMMUNITY"));
        payable("r1", "800.00");
    }

    @Test
    void stepsAreTakenInOrder() {
        given(sx.raise("r1", "3000.00"));
        fixture.when(sx.approve(sx.fx.auditor, "r1", "COMMUNITY"))
                .expectException(refusal("request.step.not-pending", "entry.payload.step"));
    }

    @Test
    void aStepIsTakenByItsOwnRole() {
        given(sx.raise("r1", "3000.00"));
        fixture.when(sx.approve(sx.fx.auditor, "r1", "COMMITTEE"))
                .expectException(refusal("request.step.role", "entry.role"));
    }

    @Test
    void theAssemblyStepIsRecordedByTheChair() {
        given(sx.raise("r1", "60000.00"), sx.decide(passed("d1", "ORDINARY", "r1")));
        fixture.when(sx.approve(sx.otherMember, step("r1", "ASSEMBLY").put("decisionId", "d1")))
                .expectException(refusal("request.step.role", "entry.role"));
    }

    @Test
    void theRequesterNeverApprovesTheirOwnRequest() {
        given(sx.raise(sx.chair, request("r1", "300.00")));
        fixture.when(sx.approve(sx.chair, "r1", "COMMITTEE"))
                .expectException(refusal("request.approver.is-requester", "entry.actor"));
    }

    @Test
    void anApproverApprovesOneStepOfARequest() {
        Signer chairAsAuditor = sx.fx.signer(sx.chair.actor(), Role.COMMUNITY_AUDITOR, "孙丽");
        given(sx.fx.register(chairAsAuditor), sx.raise("r1", "3000.00"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        fixture.when(sx.approve(chairAsAuditor, "r1", "COMMUNITY"))
                .expectException(refusal("request.approver.approved-other-step", "entry.actor"));
    }

    @Test
    void whoDeclaredAnInterestInTheCompanyDoesNotApprovePayingIt() {
        given(sx.declare(sx.chair, SpendingFixtures.companyPayee(" " + SpendingFixtures.COMPANY)), sx.raise("r1", "300.00"));
        fixture.when(sx.approve(sx.chair, "r1", "COMMITTEE"))
                .expectException(refusal("request.approver.interested", "entry.actor"));
    }

    @Test
    void whoDeclaredAnInterestInAPersonDoesNotApprovePayingThem() {
        given(sx.declare(sx.fx.auditor, SpendingFixtures.personPayee(SpendingFixtures.COMMITMENT)),
                sx.raise(sx.member, request("r1", "3000.00").set("payee",
                        SpendingFixtures.personPayee(SpendingFixtures.COMMITMENT))),
                sx.approve(sx.chair, "r1", "COMMITTEE"));
        fixture.when(sx.approve(sx.fx.auditor, "r1", "COMMUNITY"))
                .expectException(refusal("request.approver.interested", "entry.actor"));
    }

    @Test
    void anInterestInAnotherPayeeDoesNotStandInTheWay() {
        given(sx.declare(sx.chair, SpendingFixtures.companyPayee("另一家公司")), sx.raise("r1", "300.00"));
        AppendEntryCommand approve = sx.approve(sx.chair, "r1", "COMMITTEE");
        fixture.when(approve).expectEvents(new RequestApprovedEvent(approve.entry()));
    }

    @Test
    void aDeclarationSaysWhatTheInterestIs() {
        given();
        fixture.when(sx.fx.append(sx.chair, "interest.declared", BookFixtures.json().put("relation", " ")
                .set("payee", SpendingFixtures.companyPayee(SpendingFixtures.COMPANY))))
                .expectException(refusal("interest.relation.blank", "entry.payload.relation"));
    }

    @Test
    void thePropertyCompanyDeclaresNoInterests() {
        given();
        fixture.when(sx.declare(sx.company, SpendingFixtures.companyPayee(SpendingFixtures.COMPANY)))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void anApprovalCitesTheRuleSetVersionOfTheRequest() {
        given(sx.raise("r1", "300.00"));
        fixture.when(sx.approve(sx.chair, step("r1", "COMMITTEE").put("rulesetVersion", 2)))
                .expectException(refusal("request.ruleset.mismatch", "entry.payload.rulesetVersion"));
    }

    @Test
    void aRequestKeepsTheRuleSetItWasRaisedUnder() {
        given(sx.raise("r1", "3000.00"), sx.adopt(SpendingRules.defaults(SpendingRules.DEFAULT_ID, 2)),
                sx.approve(sx.chair, "r1", "COMMITTEE"));
        AppendEntryCommand community = sx.approve(sx.fx.auditor, "r1", "COMMUNITY");
        fixture.when(community).expectEvents(new RequestApprovedEvent(community.entry()));
    }

    @Test
    void theAssemblyStepNeedsADecision() {
        given(sx.raise("r1", "60000.00"));
        fixture.when(sx.approve(sx.chair, "r1", "ASSEMBLY"))
                .expectException(refusal("request.decision.required", "entry.payload.decisionId"));
    }

    @Test
    void theAssemblyStepNeedsAKnownDecision() {
        given(sx.raise("r1", "60000.00"));
        fixture.when(sx.assembly("r1", "d9")).expectException(refusal("decision.unknown", "entry.payload.decisionId"));
    }

    @Test
    void theAssemblyStepNeedsADecisionAboutThisRequest() {
        given(sx.raise("r1", "60000.00"), sx.raise("r2", "70000.00"), sx.decide(passed("d1", "ORDINARY", "r2")));
        fixture.when(sx.assembly("r1", "d1"))
                .expectException(refusal("request.decision.other-request", "entry.payload.decisionId"));
    }

    @Test
    void theAssemblyStepNeedsADecisionThatPassed() {
        given(sx.raise("r1", "60000.00"), sx.decide(SpendingFixtures.decision("d1", "ORDINARY", "r1", 240, "24000.00",
                100, "10000.00", "FAILED")));
        fixture.when(sx.assembly("r1", "d1"))
                .expectException(refusal("request.decision.not-passed", "entry.payload.decisionId"));
    }

    @Test
    void otherStepsCiteNoDecision() {
        given(sx.raise("r1", "300.00"), sx.decide(passed("d1", "ORDINARY", "r1")));
        fixture.when(sx.approve(sx.chair, step("r1", "COMMITTEE").put("decisionId", "d1")))
                .expectException(refusal("request.decision.unexpected", "entry.payload.decisionId"));
    }

    @Test
    void anApprovedRequestHasNoPendingStep() {
        given(sx.raise("r1", "300.00"), sx.approve(sx.chair, "r1", "COMMITTEE"));
        fixture.when(sx.approve(sx.otherMember, "r1", "COMMITTEE"))
                .expectException(refusal("request.not-pending", "entry.payload.requestId"));
    }

    @Test
    void anUnknownRequestIsNotApproved() {
        given();
        fixture.when(sx.approve(sx.chair, "r9", "COMMITTEE"))
                .expectException(refusal("request.unknown", "entry.payload.requestId"));
    }
}
