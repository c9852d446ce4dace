package org.gongzhang.core.book.api.payload;

import java.util.List;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.decision.Matter;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code request.raised}: 支出申请, by a committee member, the chair or the property company.
 *
 * @param requestId the request's id (a UUID)
 * @param amount    how much
 * @param purpose   用途
 * @param account   the expense leaf account it is charged to
 * @param payee     who is paid
 * @param matter    ORDINARY, or MAJOR for a 民法典 §278 major matter
 * @param works     true for construction or repair works (工程)
 * @param quotes    报价, content-addressed
 * @param documents other supporting documents, content-addressed
 */
public record RequestRaised(String requestId, Money amount, String purpose, AccountCode account, Payee payee,
        Matter matter, boolean works, List<Attachments.AttachedFile> quotes, List<Attachments.AttachedFile> documents) {

    public static RequestRaised from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new RequestRaised(p.id("requestId", RefusalCode.REQUEST_ID_INVALID), p.amount("amount"),
                p.string("purpose"), p.accountCode("account"), Payee.read(p, "payee"),
                p.enumValue("matter", Matter.class, RefusalCode.MATTER_UNKNOWN), GovernanceFields.bool(p, "works"),
                GovernanceFields.files(p, "quotes"), GovernanceFields.files(p, "documents"));
    }
}
