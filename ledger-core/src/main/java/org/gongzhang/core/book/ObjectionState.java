package org.gongzhang.core.book;

import java.time.LocalDate;
import org.gongzhang.core.disclosure.ObjectionStatus;

/**
 * What the book remembers of one objection (异议): its statement, when its answer is due and where
 * it stands. Who raised it and what it says are commitments in the log only.
 *
 * @param statementId the statement objected to
 * @param answerBy    答复期限, ISO
 * @param status      where it stands
 */
record ObjectionState(String statementId, String answerBy, ObjectionStatus status) {

    static ObjectionState submitted(String statementId, LocalDate answerBy) {
        return new ObjectionState(statementId, answerBy.toString(), ObjectionStatus.SUBMITTED);
    }

    ObjectionState with(ObjectionStatus next) {
        return new ObjectionState(statementId, answerBy, next);
    }

    LocalDate answerByDate() {
        return LocalDate.parse(answerBy);
    }
}
