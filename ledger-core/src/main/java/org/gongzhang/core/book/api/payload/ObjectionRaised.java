package org.gongzhang.core.book.api.payload;

import java.time.LocalDate;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code objection.raised}: an owner's 异议 to a published statement. Who objects and what they say
 * is personal information (个人信息保护法 §25): the entry holds only salted commitments,
 * SHA-256(salt ‖ value), whose salt and plaintext the service keeps privately.
 *
 * @param objectionId the objection's id (a UUID)
 * @param statementId the published statement objected to
 * @param owner       commitment to the owner's identity, lowercase hex
 * @param text        commitment to the objection's text, lowercase hex
 * @param answerBy    the day by which an answer is due (答复期限)
 */
public record ObjectionRaised(String objectionId, String statementId, String owner, String text, LocalDate answerBy) {

    public static ObjectionRaised from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new ObjectionRaised(p.id("objectionId", RefusalCode.OBJECTION_ID_INVALID),
                p.id("statementId", RefusalCode.STATEMENT_ID_INVALID), p.string("owner"), p.string("text"),
                p.date("answerBy"));
    }
}
