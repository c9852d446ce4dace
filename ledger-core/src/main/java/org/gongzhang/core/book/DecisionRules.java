package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.DECISION_ID_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_PARTICIPATING_ABOVE_ROLL;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_RESULT_AREA_SHORT;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_RESULT_NO_QUORUM_AREA;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_RESULT_NO_QUORUM_OWNERS;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_RESULT_OWNERS_SHORT;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_RESULT_PASSES;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_RESULT_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_ROLL_EMPTY;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_ROLL_SHA256_INVALID;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_SUBJECT_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.DECISION_VOTES_NOT_PARTICIPATING;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_UNKNOWN;

import java.util.Optional;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.payload.DecisionRecorded;
import org.gongzhang.verifier.decision.Inconsistency;
import org.gongzhang.verifier.decision.JointDecision;
import org.gongzhang.verifier.decision.Measure;

/**
 * 业主共同决定 (民法典 §278): a new decision, about a known request if any, citing its private roll by
 * hash, with a tally that adds up; the book recomputes the result ({@link JointDecision}) and
 * refuses a stated result that differs, naming the measure that decides it.
 */
final class DecisionRules {

    private static final String PAYLOAD = "entry.payload.";

    private DecisionRules() {
    }

    static void recorded(DecisionRecorded decision, Spending spending) {
        if (spending.decision(decision.decisionId()).isPresent()) {
            throw DECISION_ID_DUPLICATE.at(PAYLOAD + "decisionId", decision.decisionId());
        }
        Require.nonBlank(decision.subject(), DECISION_SUBJECT_BLANK, PAYLOAD + "subject");
        if (decision.requestId() != null && spending.request(decision.requestId()).isEmpty()) {
            throw REQUEST_UNKNOWN.at(PAYLOAD + "requestId", decision.requestId());
        }
        if (!PayeeRules.HEX64.matcher(decision.rollSha256()).matches()) {
            throw DECISION_ROLL_SHA256_INVALID.at(PAYLOAD + "rollSha256");
        }
        if (!decision.result().equals(JointDecision.PASSED) && !decision.result().equals(JointDecision.FAILED)) {
            throw DECISION_RESULT_UNKNOWN.at(PAYLOAD + "result", decision.result());
        }
        JointDecision tally = decision.tally();
        tally.inconsistency().ifPresent(i -> {
            throw inconsistent(i);
        });
        Optional<Measure> failed = tally.failedMeasure();
        if (decision.result().equals(JointDecision.PASSED) && failed.isPresent()) {
            throw shortOf(tally, failed.get());
        }
        if (decision.result().equals(JointDecision.FAILED) && failed.isEmpty()) {
            throw DECISION_RESULT_PASSES.at(PAYLOAD + "result");
        }
    }

    private static LedgerRefusal inconsistent(Inconsistency inconsistency) {
        String field = PAYLOAD + inconsistency.field();
        if (inconsistency.aboveRoll()) {
            return DECISION_PARTICIPATING_ABOVE_ROLL.at(field);
        }
        if (inconsistency.votesMiss()) {
            return DECISION_VOTES_NOT_PARTICIPATING.at(field);
        }
        return DECISION_ROLL_EMPTY.at(field);
    }

    private static LedgerRefusal shortOf(JointDecision t, Measure measure) {
        String field = PAYLOAD + measure.field();
        return switch (measure) {
            case QUORUM_AREA -> DECISION_RESULT_NO_QUORUM_AREA.at(field, t.participating().area(), t.roll().area());
            case QUORUM_OWNERS -> DECISION_RESULT_NO_QUORUM_OWNERS.at(field, t.participating().owners(),
                    t.roll().owners());
            case APPROVAL_AREA -> DECISION_RESULT_AREA_SHORT.at(field, t.inFavour().area(), t.participating().area(),
                    t.approvalThreshold());
            case APPROVAL_OWNERS -> DECISION_RESULT_OWNERS_SHORT.at(field, t.inFavour().owners(),
                    t.participating().owners(), t.approvalThreshold());
        };
    }
}
