package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code objection.accepted}: 受理 of a submitted objection by the committee or the accounting agent.
 *
 * @param objectionId the objection
 */
public record ObjectionAccepted(String objectionId) {

    public static ObjectionAccepted from(SignedEntry entry) {
        return new ObjectionAccepted(PayloadReader.of(entry).id("objectionId", RefusalCode.OBJECTION_ID_INVALID));
    }
}
