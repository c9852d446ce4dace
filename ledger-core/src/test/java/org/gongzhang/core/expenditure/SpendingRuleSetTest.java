package org.gongzhang.core.expenditure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.core.expenditure.ApprovalStep.ASSEMBLY;
import static org.gongzhang.core.expenditure.ApprovalStep.COMMITTEE;
import static org.gongzhang.core.expenditure.ApprovalStep.COMMUNITY;

import java.util.List;
import java.util.Map;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.decision.Matter;
import org.junit.jupiter.api.Test;

/** The path a rule set gives: by tier, by matter, and for an increase. */
class SpendingRuleSetTest {

    private static final SpendingRuleSet RULES = new SpendingRuleSet("default", 1, List.of(
            new Tier(Money.parse("2000.00"), List.of(COMMITTEE), List.of(Oversight.COMMUNITY), "湖州"),
            new Tier(Money.parse("50000.00"), List.of(COMMITTEE, COMMUNITY), List.of(), "湖州"),
            new Tier(null, List.of(ASSEMBLY, COMMUNITY), List.of(), "湖州")),
            List.of(ASSEMBLY, COMMUNITY), Money.parse("100000.00"), Money.parse("30000.00"), 10, 5, Map.of());

    @Test
    void eachTierIncludesItsUpperBound() {
        assertThat(RULES.path(Money.parse("2000.00"), Matter.ORDINARY)).containsExactly(COMMITTEE);
        assertThat(RULES.path(Money.parse("2000.01"), Matter.ORDINARY)).containsExactly(COMMITTEE, COMMUNITY);
        assertThat(RULES.path(Money.parse("50000.00"), Matter.ORDINARY)).containsExactly(COMMITTEE, COMMUNITY);
        assertThat(RULES.path(Money.parse("50000.01"), Matter.ORDINARY)).containsExactly(ASSEMBLY, COMMUNITY);
    }

    @Test
    void aMajorMatterTakesItsOwnPath() {
        assertThat(RULES.path(Money.parse("1.00"), Matter.MAJOR)).containsExactly(ASSEMBLY, COMMUNITY);
    }

    @Test
    void anOverrunBelowTheLimitNeedsTheCommitteeOnly() {
        assertThat(RULES.increasePath(Money.parse("10000.00"), Money.parse("10999.99"), Matter.ORDINARY))
                .containsExactly(COMMITTEE);
        assertThat(RULES.increasePath(Money.parse("10000.00"), Money.parse("11000.00"), Matter.ORDINARY))
                .containsExactly(COMMITTEE, COMMUNITY);
        assertThat(RULES.increasePath(Money.parse("48000.00"), Money.parse("52800.00"), Matter.ORDINARY))
                .containsExactly(ASSEMBLY, COMMUNITY);
    }

    @Test
    void theTenderThresholdIsInclusive() {
        assertThat(RULES.tenderRequired(Money.parse("99999.99"))).isFalse();
        assertThat(RULES.tenderRequired(Money.parse("100000.00"))).isTrue();
    }
}
