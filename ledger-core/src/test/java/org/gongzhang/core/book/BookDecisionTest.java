package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.SpendingFixtures.and;
import static org.gongzhang.core.book.SpendingFixtures.decision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.DecisionRecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 业主共同决定 (民法典 §278): the book recomputes every result. The roll is 300 owners holding
 * 30000.00 m², so the quorum is exactly 200 owners and 20000.00 m²; with 200 owners and 20000.00 m²
 * taking part, 3/4 is 150 owners and 15000.00 m², and 1/2 is 100 owners and 10000.00 m².
 */
class BookDecisionTest {

    private AggregateTestFixture<Book> fixture;
    private SpendingFixtures sx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        sx = new SpendingFixtures();
        fixture.givenCommands(sx.opened());
    }

    private void accepted(ObjectNode decision) {
        AppendEntryCommand record = sx.decide(decision);
        fixture.when(record).expectEvents(new DecisionRecordedEvent(record.entry()));
    }

    private void refused(ObjectNode decision, String code, String field) {
        fixture.when(sx.decide(decision)).expectException(refusal(code, field));
    }

    private static ObjectNode tally(String matter, int owners, String area, int inFavour, String areaInFavour,
            String result) {
        return decision("d1", matter, null, owners, area, inFavour, areaInFavour, result).putNull("requestId");
    }

    @Test
    void theChairRecordsADecisionThatPassed() {
        accepted(tally("ORDINARY", 240, "24000.00", 200, "20000.00", "PASSED"));
    }

    @Test
    void theChairRecordsADecisionThatFailed() {
        accepted(tally("ORDINARY", 240, "24000.00", 100, "10000.00", "FAILED"));
    }

    @Test
    void onlyTheChairRecordsDecisions() {
        fixture.when(sx.fx.append(sx.member, "decision.recorded", tally("ORDINARY", 240, "24000.00", 200, "20000.00",
                "PASSED"))).expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void exactlyTwoThirdsIsAQuorum() {
        accepted(tally("ORDINARY", 200, "20000.00", 200, "20000.00", "PASSED"));
    }

    @Test
    void oneHundredthOfASquareMetreBelowTwoThirdsIsNoQuorum() {
        refused(tally("ORDINARY", 200, "19999.99", 200, "19999.99", "PASSED"), "decision.result.no-quorum-area",
                "entry.payload.participating.area");
    }

    @Test
    void oneOwnerBelowTwoThirdsIsNoQuorum() {
        refused(tally("ORDINARY", 199, "20000.00", 199, "20000.00", "PASSED"), "decision.result.no-quorum-owners",
                "entry.payload.participating.owners");
    }

    @Test
    void withoutAQuorumTheDecisionFails() {
        accepted(tally("ORDINARY", 199, "20000.00", 199, "20000.00", "FAILED"));
    }

    @Test
    void aMajorMatterPassesAtExactlyThreeQuarters() {
        accepted(tally("MAJOR", 200, "20000.00", 150, "15000.00", "PASSED"));
    }

    @Test
    void aMajorMatterFailsOneHundredthOfASquareMetreBelowThreeQuarters() {
        refused(tally("MAJOR", 200, "20000.00", 150, "14999.99", "PASSED"), "decision.result.area-short",
                "entry.payload.for.area");
    }

    @Test
    void aMajorMatterFailsOneOwnerBelowThreeQuarters() {
        refused(tally("MAJOR", 200, "20000.00", 149, "15000.00", "PASSED"), "decision.result.owners-short",
                "entry.payload.for.owners");
    }

    @Test
    void anOrdinaryMatterFailsAtExactlyOneHalf() {
        refused(tally("ORDINARY", 200, "20000.00", 100, "10000.00", "PASSED"), "decision.result.area-short",
                "entry.payload.for.area");
    }

    @Test
    void anOrdinaryMatterPassesOneUnitAboveOneHalf() {
        accepted(tally("ORDINARY", 200, "20000.00", 101, "10000.01", "PASSED"));
    }

    @Test
    void areaAboveOneHalfDoesNotMakeUpForHeadcount() {
        refused(tally("ORDINARY", 200, "20000.00", 100, "19000.00", "PASSED"), "decision.result.owners-short",
                "entry.payload.for.owners");
    }

    @Test
    void headcountAboveOneHalfDoesNotMakeUpForArea() {
        refused(tally("ORDINARY", 200, "20000.00", 190, "10000.00", "PASSED"), "decision.result.area-short",
                "entry.payload.for.area");
    }

    @Test
    void aQuorumByHeadcountDoesNotMakeUpForArea() {
        refused(tally("ORDINARY", 290, "10000.00", 290, "10000.00", "PASSED"), "decision.result.no-quorum-area",
                "entry.payload.participating.area");
    }

    @Test
    void aDecisionThatPassesIsNotRecordedAsFailed() {
        refused(tally("ORDINARY", 200, "20000.00", 101, "10000.01", "FAILED"), "decision.result.passes",
                "entry.payload.result");
    }

    @Test
    void noMoreTakePartThanTheRollHolds() {
        refused(tally("ORDINARY", 301, "20000.00", 200, "20000.00", "PASSED"), "decision.participating.above-roll",
                "entry.payload.participating.owners");
    }

    @Test
    void theVotesAddUpToTheParticipants() {
        ObjectNode decision = tally("ORDINARY", 240, "24000.00", 200, "20000.00", "PASSED");
        ((ObjectNode) decision.get("abstain")).put("area", "0.01");
        refused(decision, "decision.votes.not-participating", "entry.payload.participating.area");
    }

    @Test
    void theRollIsNotEmpty() {
        ObjectNode decision = tally("ORDINARY", 0, "0.00", 0, "0.00", "FAILED");
        ((ObjectNode) decision.get("roll")).put("owners", 0);
        refused(decision, "decision.roll.empty", "entry.payload.roll.owners");
    }

    @Test
    void areasHaveExactlyTwoDecimals() {
        ObjectNode decision = tally("ORDINARY", 240, "24000.00", 200, "20000.00", "PASSED");
        ((ObjectNode) decision.get("roll")).put("area", "30000.0");
        refused(decision, "decision.area.invalid", "entry.payload.roll.area");
    }

    @Test
    void ownersAreNotNegative() {
        ObjectNode decision = tally("ORDINARY", 240, "24000.00", 200, "20000.00", "PASSED");
        ((ObjectNode) decision.get("abstain")).put("owners", -1);
        refused(decision, "decision.owners.invalid", "entry.payload.abstain.owners");
    }

    @Test
    void theRollIsCitedByHash() {
        refused(tally("ORDINARY", 240, "24000.00", 200, "20000.00", "PASSED").put("rollSha256", "名册"),
                "decision.roll-sha256.invalid", "entry.payload.rollSha256");
    }

    @Test
    void aDecisionSaysWhatItIsAbout() {
        refused(tally("ORDINARY", 240, "24000.00", 200, "20000.00", "PASSED").put("subject", ""),
                "decision.subject.blank", "entry.payload.subject");
    }

    @Test
    void aDecisionIsAboutAKnownRequest() {
        refused(tally("ORDINARY", 240, "24000.00", 200, "20000.00", "PASSED").put("requestId", "r9"),
                "request.unknown", "entry.payload.requestId");
    }

    @Test
    void aResultIsPassedOrFailed() {
        refused(tally("ORDINARY", 240, "24000.00", 200, "20000.00", "ADOPTED"), "decision.result.unknown",
                "entry.payload.result");
    }

    @Test
    void aDecisionIdIsUsedOnce() {
        fixture.andGivenCommands(sx.decide(tally("ORDINARY", 240, "24000.00", 200, "20000.00", "PASSED")));
        refused(tally("ORDINARY", 240, "24000.00", 100, "10000.00", "FAILED"), "decision.id.duplicate",
                "entry.payload.decisionId");
    }

    @Test
    void aMatterIsOrdinaryOrMajor() {
        refused(tally("SPECIAL", 240, "24000.00", 200, "20000.00", "PASSED"), "matter.unknown", "entry.payload.matter");
    }
}
