package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.expenditure.ApprovalStep;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code request.returned}: 退回补充, back to the requester at the pending step.
 *
 * @param requestId the request
 * @param step      the pending step
 * @param rules     the rule set version applied
 * @param question  what the requester must add
 */
public record RequestReturned(String requestId, ApprovalStep step, RuleVersion rules, String question) {

    public static RequestReturned from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new RequestReturned(p.id("requestId", RefusalCode.REQUEST_ID_INVALID),
                p.enumValue("step", ApprovalStep.class, RefusalCode.RULESET_STEP_UNKNOWN), RuleVersion.read(p),
                p.string("question"));
    }
}
