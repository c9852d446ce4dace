package org.gongzhang.core.expenditure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.decision.Matter;

/**
 * 支出审批规则: one version of a spending rule set as a town adopted it for a book (DOMAIN §4). A
 * request is judged by the version it was raised under, whatever the book adopts later.
 *
 * @param id                 the rule set's id, e.g. {@code beishan-default}
 * @param version            1, 2, … per id
 * @param tiers              by ascending {@link Tier#upTo()}, the last unbounded
 * @param majorMatterSteps   the path of a §278 major matter, whatever its amount
 * @param tenderThreshold    from this amount on, a project goes through the town's tender platform (业标镇管)
 * @param worksAuditThreshold from this amount on, works need a final-account audit (决算审计) before the last payment
 * @param overrunPercent     an increase of this many percent or more over the approved amount restarts the path
 * @param reviewWorkingDays  how many working days a step may wait before it can be escalated
 * @param citations          the source of each rule that is not a tier, by rule name
 */
public record SpendingRuleSet(String id, int version, List<Tier> tiers, List<ApprovalStep> majorMatterSteps,
        Money tenderThreshold, Money worksAuditThreshold, int overrunPercent, int reviewWorkingDays,
        Map<String, String> citations) {

    /** The rule names {@link #citations()} must cite, besides each tier's own citation. */
    public static final List<String> CITED_RULES = List.of("majorMatterSteps", "tenderThreshold", "worksAuditThreshold",
            "overrunPercent", "reviewWorkingDays");

    public SpendingRuleSet {
        tiers = List.copyOf(tiers);
        majorMatterSteps = List.copyOf(majorMatterSteps);
        citations = new TreeMap<>(citations);
    }

    /** The approval path of a new request: the major-matter path, or its amount's tier. */
    public List<ApprovalStep> path(Money amount, Matter matter) {
        if (matter == Matter.MAJOR) {
            return majorMatterSteps;
        }
        return tiers.stream().filter(t -> t.covers(amount)).findFirst().orElseThrow().steps();
    }

    /**
     * The path of an increase on an approved request (杭州 §72): one committee step while the overrun
     * stays below {@link #overrunPercent()}, the whole path for the new amount from it on.
     */
    public List<ApprovalStep> increasePath(Money approved, Money increased, Matter matter) {
        return withinOverrun(approved, increased) ? List.of(ApprovalStep.COMMITTEE) : path(increased, matter);
    }

    /** {@code increased < approved × (1 + overrunPercent / 100)}, in integer 分. */
    public boolean withinOverrun(Money approved, Money increased) {
        return Math.multiplyExact(increased.fen(), 100L) < Math.multiplyExact(approved.fen(), 100L + overrunPercent);
    }

    /** True when a project of this amount must go through the tender platform before any contract. */
    public boolean tenderRequired(Money amount) {
        return amount.compareTo(tenderThreshold) >= 0;
    }
}
