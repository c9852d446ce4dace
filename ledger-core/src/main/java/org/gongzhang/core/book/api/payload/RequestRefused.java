package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.expenditure.ApprovalStep;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code request.refused}: 不予批准 at the pending step.
 *
 * @param requestId  the request
 * @param step       the pending step
 * @param rules      the rule set version applied
 * @param reason     why
 * @param decisionId for the ASSEMBLY step, the joint decision that failed; otherwise null
 */
public record RequestRefused(String requestId, ApprovalStep step, RuleVersion rules, String reason, String decisionId) {

    public static RequestRefused from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new RequestRefused(p.id("requestId", RefusalCode.REQUEST_ID_INVALID),
                p.enumValue("step", ApprovalStep.class, RefusalCode.RULESET_STEP_UNKNOWN), RuleVersion.read(p),
                p.string("reason"), GovernanceFields.optionalId(p, "decisionId", RefusalCode.DECISION_ID_INVALID));
    }
}
