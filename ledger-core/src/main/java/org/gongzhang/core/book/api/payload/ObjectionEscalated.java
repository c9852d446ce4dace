package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code objection.escalated}: 升级 of an objection still unanswered after its answer date, to the
 * community (社区/街道).
 *
 * @param objectionId the objection
 * @param reason      {@value #DEADLINE} when the answer date passed, else the auditor's words
 */
public record ObjectionEscalated(String objectionId, String reason) {

    /** The reason of an escalation because the answer date passed: the only one the service's clerk key gives. */
    public static final String DEADLINE = "DEADLINE";

    public static ObjectionEscalated from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new ObjectionEscalated(p.id("objectionId", RefusalCode.OBJECTION_ID_INVALID), p.string("reason"));
    }
}
