package org.gongzhang.core.book.api.payload;

import static org.gongzhang.core.book.api.RefusalCode.RULESET_NOTIFY_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.RULESET_STEP_UNKNOWN;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.expenditure.ApprovalStep;
import org.gongzhang.core.expenditure.Oversight;
import org.gongzhang.core.expenditure.SpendingRuleSet;
import org.gongzhang.core.expenditure.Tier;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code ruleset.adopted}: the town adopts a version of a spending rule set for the book
 * (see {@link org.gongzhang.core.expenditure.SpendingRules#defaults()} for the shape).
 *
 * @param rules the rule set as written
 */
public record RulesetAdopted(SpendingRuleSet rules) {

    public static RulesetAdopted from(SignedEntry entry) {
        return read(PayloadReader.of(entry));
    }

    /**
     * A payload not yet signed, read exactly as the book reads it from an entry (refusals name
     * the same {@code entry.payload.…} fields).
     */
    public static RulesetAdopted from(JsonNode payload) {
        return read(PayloadReader.of(payload));
    }

    private static RulesetAdopted read(PayloadReader p) {
        return new RulesetAdopted(new SpendingRuleSet(p.id("ruleset", RefusalCode.RULESET_ID_INVALID), p.integer("version"),
                p.array("tiers").stream().map(RulesetAdopted::tier).toList(),
                GovernanceFields.enums(p, "majorMatterSteps", ApprovalStep.class, RULESET_STEP_UNKNOWN),
                p.amount("tenderThreshold"), p.amount("worksAuditThreshold"), p.integer("overrunPercent"),
                p.integer("reviewWorkingDays"), GovernanceFields.texts(p, "citations")));
    }

    private static Tier tier(PayloadReader t) {
        List<Oversight> notify = t.has("notify")
                ? GovernanceFields.enums(t, "notify", Oversight.class, RULESET_NOTIFY_UNKNOWN) : List.of();
        return new Tier(t.has("upTo") ? t.amount("upTo") : null,
                GovernanceFields.enums(t, "steps", ApprovalStep.class, RULESET_STEP_UNKNOWN), notify, t.string("citation"));
    }
}
