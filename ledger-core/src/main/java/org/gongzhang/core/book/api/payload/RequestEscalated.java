package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.expenditure.ApprovalStep;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code request.escalated}: a pending step that waited past the review deadline goes up a level.
 *
 * @param requestId the request
 * @param step      the pending step
 * @param reason    {@code DEADLINE}
 */
public record RequestEscalated(String requestId, ApprovalStep step, String reason) {

    /** The only reason a step is escalated. */
    public static final String DEADLINE = "DEADLINE";

    public static RequestEscalated from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new RequestEscalated(p.id("requestId", RefusalCode.REQUEST_ID_INVALID),
                p.enumValue("step", ApprovalStep.class, RefusalCode.RULESET_STEP_UNKNOWN), p.string("reason"));
    }
}
