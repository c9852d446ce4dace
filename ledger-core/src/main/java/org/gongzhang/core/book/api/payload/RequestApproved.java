package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.expenditure.ApprovalStep;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code request.approved}: the pending step of a request's path approved.
 *
 * @param requestId  the request
 * @param step       the step approved, which must be the pending one
 * @param rules      the rule set version applied
 * @param decisionId for the ASSEMBLY step, the passed joint decision; otherwise null
 */
public record RequestApproved(String requestId, ApprovalStep step, RuleVersion rules, String decisionId) {

    public static RequestApproved from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new RequestApproved(p.id("requestId", RefusalCode.REQUEST_ID_INVALID),
                p.enumValue("step", ApprovalStep.class, RefusalCode.RULESET_STEP_UNKNOWN), RuleVersion.read(p),
                GovernanceFields.optionalId(p, "decisionId", RefusalCode.DECISION_ID_INVALID));
    }
}
