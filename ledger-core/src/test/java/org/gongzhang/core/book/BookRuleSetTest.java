package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhang.core.book.BookFixtures.refusal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.RulesetAdoptedEvent;
import org.gongzhang.core.expenditure.SpendingRuleSet;
import org.gongzhang.core.expenditure.SpendingRules;
import org.gongzhang.core.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 业财社管 规则: the town adopts versioned spending rule sets, each rule with its source; the rules
 * but the version are judged alike without a book ({@link Books#checkRuleSet}).
 */
class BookRuleSetTest {

    private AggregateTestFixture<Book> fixture;
    private SpendingFixtures sx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        sx = new SpendingFixtures();
    }

    /** The book refuses the changed defaults, and so does the check without a book, alike. */
    private void refused(Consumer<ObjectNode> change, String code, String field) {
        fixture.givenCommands(sx.openedWithoutRules());
        ObjectNode rules = SpendingRules.defaults();
        change.accept(rules);
        fixture.when(sx.adopt(rules)).expectException(refusal(code, field));
        assertThatThrownBy(() -> Books.checkRuleSet(rules)).isInstanceOfSatisfying(LedgerRefusal.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.field()).isEqualTo(field);
        });
    }

    private static ArrayNode tiers(ObjectNode rules) {
        return (ArrayNode) rules.get("tiers");
    }

    @Test
    void theTownAdoptsTheDefaultRuleSet() {
        fixture.givenCommands(sx.openedWithoutRules());
        AppendEntryCommand adopt = sx.adopt(SpendingRules.defaults());
        fixture.when(adopt).expectEvents(new RulesetAdoptedEvent(adopt.entry()));
    }

    @Test
    void aNewVersionFollowsTheLastOne() {
        fixture.givenCommands(sx.opened());
        AppendEntryCommand adopt = sx.adopt(SpendingRules.defaults(SpendingRules.DEFAULT_ID, 2));
        fixture.when(adopt).expectEvents(new RulesetAdoptedEvent(adopt.entry()));
    }

    @Test
    void cannotAdoptTheSameVersionTwice() {
        fixture.givenCommands(sx.opened());
        fixture.when(sx.adopt(SpendingRules.defaults()))
                .expectException(refusal("ruleset.version.not-next", "entry.payload.version"));
    }

    @Test
    void theFirstVersionIsOne() {
        fixture.givenCommands(sx.openedWithoutRules());
        fixture.when(sx.adopt(SpendingRules.defaults(SpendingRules.DEFAULT_ID, 2)))
                .expectException(refusal("ruleset.version.not-next", "entry.payload.version"));
    }

    @Test
    void rulesAreCheckedWithoutABookButForTheirVersion() {
        SpendingRuleSet rules = Books.checkRuleSet(SpendingRules.defaults("beishan-2027", 7));
        assertThat(rules.tenderThreshold()).isEqualTo(Money.parse("100000.00"));
    }

    @Test
    void aRuleSetIdIsAnId() {
        refused(r -> r.put("ruleset", "北山"), "ruleset.id.invalid", "entry.payload.ruleset");
    }

    @Test
    void aPayloadIsAnObject() {
        assertThatThrownBy(() -> Books.checkRuleSet(JsonNodeFactory.instance.arrayNode()))
                .isInstanceOfSatisfying(LedgerRefusal.class, r -> assertThat(r.code()).isEqualTo("entry.malformed"));
    }

    @Test
    void anotherRuleSetStartsAtVersionOne() {
        fixture.givenCommands(sx.opened());
        AppendEntryCommand adopt = sx.adopt(SpendingRules.defaults("beishan-2027", 1));
        fixture.when(adopt).expectEvents(new RulesetAdoptedEvent(adopt.entry()));
    }

    @Test
    void onlyTheTownAdoptsRules() {
        fixture.givenCommands(sx.openedWithoutRules());
        fixture.when(sx.fx.append(sx.chair, "ruleset.adopted", SpendingRules.defaults()))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void tiersRise() {
        refused(r -> ((ObjectNode) tiers(r).get(1)).put("upTo", "2000.00"), "ruleset.tiers.not-ascending",
                "entry.payload.tiers[1].upTo");
    }

    @Test
    void theLastTierIsUnbounded() {
        refused(r -> ((ObjectNode) tiers(r).get(2)).put("upTo", "90000.00"), "ruleset.tiers.last-bounded",
                "entry.payload.tiers[2].upTo");
    }

    @Test
    void onlyTheLastTierIsUnbounded() {
        refused(r -> ((ObjectNode) tiers(r).get(0)).putNull("upTo"), "ruleset.tiers.unbounded-before-last",
                "entry.payload.tiers[0].upTo");
    }

    @Test
    void aRuleSetHasTiers() {
        refused(r -> r.putArray("tiers"), "ruleset.tiers.empty", "entry.payload.tiers");
    }

    @Test
    void stepsAreKnown() {
        refused(r -> ((ArrayNode) tiers(r).get(1).get("steps")).add("TOWN"), "ruleset.step.unknown",
                "entry.payload.tiers[1].steps[2]");
    }

    @Test
    void aStepIsTakenOnce() {
        refused(r -> ((ArrayNode) tiers(r).get(1).get("steps")).add("COMMITTEE"), "ruleset.step.repeated",
                "entry.payload.tiers[1].steps[2]");
    }

    @Test
    void aTierHasSteps() {
        refused(r -> ((ObjectNode) tiers(r).get(0)).putArray("steps"), "ruleset.steps.empty",
                "entry.payload.tiers[0].steps");
    }

    @Test
    void notifiedLevelsAreKnown() {
        refused(r -> ((ArrayNode) tiers(r).get(0).get("notify")).add("PROVINCE"), "ruleset.notify.unknown",
                "entry.payload.tiers[0].notify[1]");
    }

    @Test
    void aMajorMatterGoesToTheAssembly() {
        refused(r -> r.putArray("majorMatterSteps").add("COMMITTEE").add("COMMUNITY"),
                "ruleset.major-matter.without-assembly", "entry.payload.majorMatterSteps");
    }

    @Test
    void everyTierCitesItsSource() {
        refused(r -> ((ObjectNode) tiers(r).get(2)).put("citation", " "), "ruleset.citation.blank",
                "entry.payload.tiers[2].citation");
    }

    @Test
    void everyOtherRuleCitesItsSource() {
        refused(r -> ((ObjectNode) r.get("citations")).remove("overrunPercent"), "ruleset.citation.blank",
                "entry.payload.citations.overrunPercent");
    }

    @Test
    void theOverrunIsAPercentage() {
        refused(r -> r.put("overrunPercent", 0), "ruleset.overrun-percent.invalid", "entry.payload.overrunPercent");
    }

    @Test
    void theReviewDeadlineIsSomeWorkingDays() {
        refused(r -> r.put("reviewWorkingDays", 61), "ruleset.review-working-days.invalid",
                "entry.payload.reviewWorkingDays");
    }

    @Test
    void thresholdsAreAmounts() {
        refused(r -> r.put("tenderThreshold", "100000.001"), "amount.too-many-decimals", "entry.payload.tenderThreshold");
    }
}
