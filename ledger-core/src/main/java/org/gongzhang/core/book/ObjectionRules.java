package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ACCEPT_NOT_SUBMITTED;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ANSWER_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ANSWER_BY_TOO_EARLY;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ANSWER_NOT_OPEN;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ANSWER_TOO_LONG;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ESCALATE_BEFORE_DEADLINE;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ESCALATE_NOT_OPEN;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ESCALATE_REASON_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ESCALATE_SERVICE_REASON;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_ID_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_OUTSIDE_POSTING_PERIOD;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_REVIEW_NOTE_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_REVIEW_NOT_ANSWERED;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_STATEMENT_UNPUBLISHED;
import static org.gongzhang.core.book.api.RefusalCode.OBJECTION_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.STATEMENT_UNKNOWN;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.book.api.payload.ObjectionAnswered;
import org.gongzhang.core.book.api.payload.ObjectionEscalated;
import org.gongzhang.core.book.api.payload.ObjectionRaised;
import org.gongzhang.core.book.api.payload.ObjectionReviewed;
import org.gongzhang.core.disclosure.ObjectionStatus;
import org.gongzhang.core.disclosure.StatementStatus;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.Role;

/**
 * 异议: an owner objects to a published statement during its posting period (公示期), owed an
 * answer by a day after the one it is raised on. 已提交 → 已受理 → 已答复 → 已复核; an objection
 * still open after its answer date may be escalated (已升级) — by the service's clerk key only for
 * that reason — and is then reviewed by the community auditor. Who objects and what they say enter
 * the log only as salted commitments.
 */
final class ObjectionRules {

    /** Longest answer, in characters. */
    static final int MAX_ANSWER = 2000;
    private static final String OBJECTION_ID = "entry.payload.objectionId";
    private static final Set<ObjectionStatus> OPEN = EnumSet.of(ObjectionStatus.SUBMITTED, ObjectionStatus.ACCEPTED);
    private static final Set<ObjectionStatus> REVIEWABLE = EnumSet.of(ObjectionStatus.ANSWERED, ObjectionStatus.ESCALATED);

    private final Objections objections;
    private final Statements statements;

    ObjectionRules(Objections objections, Statements statements) {
        this.objections = objections;
        this.statements = statements;
    }

    void raised(ObjectionRaised raised, LocalDate raisedOn) {
        if (objections.contains(raised.objectionId())) {
            throw OBJECTION_ID_DUPLICATE.at(OBJECTION_ID, raised.objectionId());
        }
        StatementState statement = statements.find(raised.statementId())
                .orElseThrow(() -> STATEMENT_UNKNOWN.at("entry.payload.statementId", raised.statementId()));
        if (statement.status() != StatementStatus.PUBLISHED) {
            throw OBJECTION_STATEMENT_UNPUBLISHED.at("entry.payload.statementId", raised.statementId());
        }
        if (!statement.postedOn(raisedOn)) {
            throw OBJECTION_OUTSIDE_POSTING_PERIOD.at("entry.businessDate", raisedOn, statement.postingFrom(),
                    statement.postingUntil());
        }
        if (!raised.answerBy().isAfter(raisedOn)) {
            throw OBJECTION_ANSWER_BY_TOO_EARLY.at("entry.payload.answerBy", raised.answerBy(), raisedOn);
        }
        Require.sha256(raised.owner(), "entry.payload.owner");
        Require.sha256(raised.text(), "entry.payload.text");
    }

    void accepted(String objectionId) {
        in(objectionId, EnumSet.of(ObjectionStatus.SUBMITTED), OBJECTION_ACCEPT_NOT_SUBMITTED);
    }

    void answered(ObjectionAnswered answered) {
        in(answered.objectionId(), OPEN, OBJECTION_ANSWER_NOT_OPEN);
        String answer = answered.answer();
        Require.nonBlank(answer, OBJECTION_ANSWER_BLANK, "entry.payload.answer");
        if (answer.codePointCount(0, answer.length()) > MAX_ANSWER) {
            throw OBJECTION_ANSWER_TOO_LONG.at("entry.payload.answer", MAX_ANSWER);
        }
    }

    void reviewed(ObjectionReviewed reviewed) {
        in(reviewed.objectionId(), REVIEWABLE, OBJECTION_REVIEW_NOT_ANSWERED);
        Require.nonBlank(reviewed.note(), OBJECTION_REVIEW_NOTE_BLANK, "entry.payload.note");
    }

    void escalated(ObjectionEscalated escalated, EntryHeader header) {
        ObjectionState objection = in(escalated.objectionId(), OPEN, OBJECTION_ESCALATE_NOT_OPEN);
        if (!header.businessDate().isAfter(objection.answerByDate())) {
            throw OBJECTION_ESCALATE_BEFORE_DEADLINE.at("entry.businessDate", objection.answerBy(),
                    header.businessDate());
        }
        Require.nonBlank(escalated.reason(), OBJECTION_ESCALATE_REASON_BLANK, "entry.payload.reason");
        if (header.role() == Role.SERVICE && !escalated.reason().equals(ObjectionEscalated.DEADLINE)) {
            throw OBJECTION_ESCALATE_SERVICE_REASON.at("entry.payload.reason", ObjectionEscalated.DEADLINE);
        }
    }

    private ObjectionState in(String objectionId, Set<ObjectionStatus> allowed, RefusalCode otherwise) {
        ObjectionState objection = objections.find(objectionId)
                .orElseThrow(() -> OBJECTION_UNKNOWN.at(OBJECTION_ID, objectionId));
        if (!allowed.contains(objection.status())) {
            throw otherwise.at(OBJECTION_ID, objectionId);
        }
        return objection;
    }
}
