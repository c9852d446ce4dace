package org.gongzhang.core.book.api.payload;

import java.util.List;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code request.resubmitted}: the requester answers a return. The amount, purpose, quotes and
 * documents are written out in full, changed or not; account, payee and matter stay.
 *
 * @param requestId the request
 * @param rules     the rule set version applied
 * @param amount    the amount now asked
 * @param purpose   用途
 * @param quotes    报价
 * @param documents supporting documents
 */
public record RequestResubmitted(String requestId, RuleVersion rules, Money amount, String purpose,
        List<Attachments.AttachedFile> quotes, List<Attachments.AttachedFile> documents) {

    public static RequestResubmitted from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new RequestResubmitted(p.id("requestId", RefusalCode.REQUEST_ID_INVALID), RuleVersion.read(p),
                p.amount("amount"), p.string("purpose"), GovernanceFields.files(p, "quotes"),
                GovernanceFields.files(p, "documents"));
    }
}
