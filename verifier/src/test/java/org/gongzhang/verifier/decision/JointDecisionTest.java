package org.gongzhang.verifier.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.junit.jupiter.api.Test;

/**
 * 民法典 §278 at and around every threshold. The roll is 300 owners holding 30000.00 m², so 2/3 is
 * exactly 200 owners and 20000.00 m²; the participants are 200 owners and 20000.00 m², so 3/4 is
 * exactly 150 owners and 15000.00 m², and 1/2 exactly 100 owners and 10000.00 m².
 */
class JointDecisionTest {

    private static final Share ROLL = new Share(300, 3_000_000);
    private static final Share PARTICIPATING = new Share(200, 2_000_000);

    /** A tally of the given matter: {@code forShare} in favour, the rest of the participants against. */
    private static JointDecision tally(Matter matter, Share participating, Share forShare) {
        Share against = new Share(participating.owners() - forShare.owners(),
                participating.centiArea() - forShare.centiArea());
        return new JointDecision(matter, ROLL, participating, forShare, against, new Share(0, 0));
    }

    @Test
    void quorumIsMetAtExactlyTwoThirdsOfAreaAndOwners() {
        assertThat(tally(Matter.ORDINARY, PARTICIPATING, new Share(200, 2_000_000)).failedMeasure()).isEmpty();
    }

    @Test
    void quorumFailsOneHundredthOfASquareMetreBelowTwoThirds() {
        Share participating = new Share(200, 1_999_999);
        assertThat(tally(Matter.ORDINARY, participating, participating).failedMeasure()).contains(Measure.QUORUM_AREA);
    }

    @Test
    void quorumFailsOneOwnerBelowTwoThirds() {
        Share participating = new Share(199, 2_000_000);
        assertThat(tally(Matter.ORDINARY, participating, participating).failedMeasure()).contains(Measure.QUORUM_OWNERS);
    }

    @Test
    void aMajorMatterPassesAtExactlyThreeQuarters() {
        assertThat(tally(Matter.MAJOR, PARTICIPATING, new Share(150, 1_500_000)).passes()).isTrue();
    }

    @Test
    void aMajorMatterFailsOneUnitBelowThreeQuartersOfTheArea() {
        assertThat(tally(Matter.MAJOR, PARTICIPATING, new Share(150, 1_499_999)).failedMeasure())
                .contains(Measure.APPROVAL_AREA);
    }

    @Test
    void aMajorMatterFailsOneOwnerBelowThreeQuarters() {
        assertThat(tally(Matter.MAJOR, PARTICIPATING, new Share(149, 1_500_000)).failedMeasure())
                .contains(Measure.APPROVAL_OWNERS);
    }

    @Test
    void anOrdinaryMatterFailsAtExactlyOneHalf() {
        assertThat(tally(Matter.ORDINARY, PARTICIPATING, new Share(100, 1_000_000)).failedMeasure())
                .contains(Measure.APPROVAL_AREA);
        assertThat(tally(Matter.ORDINARY, PARTICIPATING, new Share(101, 1_000_000)).failedMeasure())
                .contains(Measure.APPROVAL_AREA);
        assertThat(tally(Matter.ORDINARY, PARTICIPATING, new Share(100, 1_000_001)).failedMeasure())
                .contains(Measure.APPROVAL_OWNERS);
    }

    @Test
    void anOrdinaryMatterPassesOneUnitAboveOneHalfOfBoth() {
        assertThat(tally(Matter.ORDINARY, PARTICIPATING, new Share(101, 1_000_001)).passes()).isTrue();
    }

    @Test
    void areaPassingDoesNotMakeUpForHeadcountAndViceVersa() {
        assertThat(tally(Matter.MAJOR, PARTICIPATING, new Share(10, 1_900_000)).failedMeasure())
                .contains(Measure.APPROVAL_OWNERS);
        assertThat(tally(Matter.MAJOR, PARTICIPATING, new Share(190, 100_000)).failedMeasure())
                .contains(Measure.APPROVAL_AREA);
        Share fewOwnersMuchArea = new Share(20, 2_900_000);
        assertThat(tally(Matter.ORDINARY, fewOwnersMuchArea, fewOwnersMuchArea).failedMeasure())
                .contains(Measure.QUORUM_OWNERS);
        Share manyOwnersLittleArea = new Share(290, 100_000);
        assertThat(tally(Matter.ORDINARY, manyOwnersLittleArea, manyOwnersLittleArea).failedMeasure())
                .contains(Measure.QUORUM_AREA);
    }

    @Test
    void aTallyMustAddUpAndStayWithinTheRoll() {
        assertThat(new JointDecision(Matter.ORDINARY, ROLL, new Share(301, 2_000_000), PARTICIPATING, new Share(101, 0),
                new Share(0, 0)).inconsistency()).contains(Inconsistency.PARTICIPATING_OWNERS_ABOVE_ROLL);
        assertThat(new JointDecision(Matter.ORDINARY, ROLL, new Share(200, 3_000_001), PARTICIPATING, new Share(0, 1_000_001),
                new Share(0, 0)).inconsistency()).contains(Inconsistency.PARTICIPATING_AREA_ABOVE_ROLL);
        assertThat(new JointDecision(Matter.ORDINARY, ROLL, PARTICIPATING, new Share(150, 1_500_000),
                new Share(40, 400_000), new Share(9, 100_000)).inconsistency())
                .contains(Inconsistency.VOTES_OWNERS_NOT_PARTICIPATING);
        assertThat(new JointDecision(Matter.ORDINARY, ROLL, PARTICIPATING, new Share(150, 1_500_000),
                new Share(40, 400_000), new Share(10, 99_999)).inconsistency())
                .contains(Inconsistency.VOTES_AREA_NOT_PARTICIPATING);
        assertThat(tally(Matter.ORDINARY, PARTICIPATING, new Share(150, 1_500_000)).inconsistency()).isEmpty();
        assertThat(new JointDecision(Matter.ORDINARY, new Share(0, 0), new Share(0, 0), new Share(0, 0),
                new Share(0, 0), new Share(0, 0)).inconsistency()).contains(Inconsistency.ROLL_WITHOUT_OWNERS);
    }

    @Test
    void readsATallyFromAPayload() {
        ObjectNode payload = payload();
        JointDecision decision = JointDecision.read(payload);
        assertThat(decision.roll()).isEqualTo(new Share(320, 2_865_040));
        assertThat(decision.roll().area()).isEqualTo("28650.40");
        assertThat(decision.result()).isEqualTo("PASSED");
    }

    @Test
    void refusesAnAreaWithoutExactlyTwoDecimals() {
        ObjectNode payload = payload();
        ((ObjectNode) payload.get("for")).put("area", "20000.5");
        assertThatThrownBy(() -> JointDecision.read(payload)).isInstanceOf(MalformedEntry.class)
                .extracting(e -> ((MalformedEntry) e).field()).isEqualTo("entry.payload.for.area");
    }

    @Test
    void aMajorDecisionCoversAnOrdinaryMatterButNotTheOtherWayRound() {
        assertThat(Matter.MAJOR.covers(Matter.ORDINARY)).isTrue();
        assertThat(Matter.ORDINARY.covers(Matter.MAJOR)).isFalse();
        assertThat(Optional.of(Matter.MAJOR).filter(m -> m.covers(Matter.MAJOR))).isPresent();
    }

    static ObjectNode payload() {
        ObjectNode p = CanonicalJson.mapper().createObjectNode().put("matter", "ORDINARY");
        p.putObject("roll").put("owners", 320).put("area", "28650.40");
        p.putObject("participating").put("owners", 240).put("area", "21000.00");
        p.putObject("for").put("owners", 200).put("area", "18000.00");
        p.putObject("against").put("owners", 30).put("area", "2000.00");
        p.putObject("abstain").put("owners", 10).put("area", "1000.00");
        return p;
    }
}
