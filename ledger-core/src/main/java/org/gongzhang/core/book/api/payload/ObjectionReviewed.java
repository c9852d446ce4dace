package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.disclosure.ObjectionOutcome;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code objection.reviewed}: 复核 by the community auditor of an answered or escalated objection.
 *
 * @param objectionId the objection
 * @param outcome     whether the objection stands
 * @param note        the auditor's note
 */
public record ObjectionReviewed(String objectionId, ObjectionOutcome outcome, String note) {

    public static ObjectionReviewed from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new ObjectionReviewed(p.id("objectionId", RefusalCode.OBJECTION_ID_INVALID),
                p.enumValue("outcome", ObjectionOutcome.class, RefusalCode.OBJECTION_OUTCOME_UNKNOWN), p.string("note"));
    }
}
