package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code objection.answered}: 答复 to an open objection. The answer is public: it speaks of the
 * statement, not of the owner.
 *
 * @param objectionId the objection
 * @param answer      the answer, 1 to 2000 characters
 */
public record ObjectionAnswered(String objectionId, String answer) {

    public static ObjectionAnswered from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new ObjectionAnswered(p.id("objectionId", RefusalCode.OBJECTION_ID_INVALID), p.string("answer"));
    }
}
