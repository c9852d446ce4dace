package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.RULESET_CITATION_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_LAST_TIER_BOUNDED;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_MAJOR_MATTER_WITHOUT_ASSEMBLY;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_OVERRUN_PERCENT_INVALID;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_REVIEW_DAYS_INVALID;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_STEPS_EMPTY;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_STEP_REPEATED;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_TIERS_EMPTY;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_TIERS_NOT_ASCENDING;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_TIER_UNBOUNDED_BEFORE_LAST;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_VERSION_NOT_NEXT;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongzhang.core.expenditure.ApprovalStep;
import org.gongzhang.core.expenditure.SpendingRuleSet;
import org.gongzhang.core.expenditure.Tier;

/**
 * A spending rule set (DOMAIN §4) is adopted as the next version of its id, with tiers rising to
 * a last unbounded one, a non-empty path of distinct steps per tier, a major-matter path through
 * the owners' assembly (民法典 §278), sane limits, and a source cited for every rule.
 */
final class RuleSetRules {

    /** The largest overrun percentage and review deadline a rule set may name. */
    static final int MAX_PERCENT = 100;
    static final int MAX_WORKING_DAYS = 60;

    private RuleSetRules() {
    }

    static void adopted(SpendingRuleSet rules, Spending spending) {
        int next = spending.latestVersion(rules.id()) + 1;
        if (rules.version() != next) {
            throw RULESET_VERSION_NOT_NEXT.at("entry.payload.version", next);
        }
        wellFormed(rules);
    }

    /** Every rule but the version, which depends on the book: the rules stand on their own. */
    static void wellFormed(SpendingRuleSet rules) {
        tiers(rules.tiers());
        steps(rules.majorMatterSteps(), "entry.payload.majorMatterSteps");
        if (!rules.majorMatterSteps().contains(ApprovalStep.ASSEMBLY)) {
            throw RULESET_MAJOR_MATTER_WITHOUT_ASSEMBLY.at("entry.payload.majorMatterSteps");
        }
        if (rules.overrunPercent() < 1 || rules.overrunPercent() > MAX_PERCENT) {
            throw RULESET_OVERRUN_PERCENT_INVALID.at("entry.payload.overrunPercent", rules.overrunPercent());
        }
        if (rules.reviewWorkingDays() < 1 || rules.reviewWorkingDays() > MAX_WORKING_DAYS) {
            throw RULESET_REVIEW_DAYS_INVALID.at("entry.payload.reviewWorkingDays", rules.reviewWorkingDays());
        }
        for (String rule : SpendingRuleSet.CITED_RULES) {
            Require.nonBlank(rules.citations().get(rule), RULESET_CITATION_BLANK, "entry.payload.citations." + rule);
        }
    }

    private static void tiers(List<Tier> tiers) {
        if (tiers.isEmpty()) {
            throw RULESET_TIERS_EMPTY.at("entry.payload.tiers");
        }
        for (int i = 0; i < tiers.size(); i++) {
            String at = "entry.payload.tiers[" + i + "]";
            Tier tier = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (last && tier.upTo() != null) {
                throw RULESET_LAST_TIER_BOUNDED.at(at + ".upTo");
            }
            if (!last && tier.upTo() == null) {
                throw RULESET_TIER_UNBOUNDED_BEFORE_LAST.at(at + ".upTo");
            }
            if (i > 0 && !last && tier.upTo().compareTo(tiers.get(i - 1).upTo()) <= 0) {
                throw RULESET_TIERS_NOT_ASCENDING.at(at + ".upTo", tier.upTo(), tiers.get(i - 1).upTo());
            }
            steps(tier.steps(), at + ".steps");
            Require.nonBlank(tier.citation(), RULESET_CITATION_BLANK, at + ".citation");
        }
    }

    private static void steps(List<ApprovalStep> steps, String field) {
        if (steps.isEmpty()) {
            throw RULESET_STEPS_EMPTY.at(field);
        }
        Set<ApprovalStep> seen = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!seen.add(steps.get(i))) {
                throw RULESET_STEP_REPEATED.at(field + "[" + i + "]", steps.get(i));
            }
        }
    }
}
