package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code request.cancelled}: 撤销, by the requester or the committee chair, before any payment.
 *
 * @param requestId the request
 * @param rules     the rule set version applied
 * @param reason    why
 */
public record RequestCancelled(String requestId, RuleVersion rules, String reason) {

    public static RequestCancelled from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new RequestCancelled(p.id("requestId", RefusalCode.REQUEST_ID_INVALID), RuleVersion.read(p),
                p.string("reason"));
    }
}
