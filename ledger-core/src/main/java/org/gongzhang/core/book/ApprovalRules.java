package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.DECISION_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_APPROVER_APPROVED_OTHER_STEP;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_APPROVER_INTERESTED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_APPROVER_IS_REQUESTER;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_DECISION_MATTER_TOO_WEAK;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_DECISION_NOT_PASSED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_DECISION_OTHER_REQUEST;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_DECISION_PASSED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_DECISION_REQUIRED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_DECISION_UNEXPECTED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_ESCALATION_DATED_AHEAD;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_ESCALATION_REASON_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_ESCALATION_REPEATED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_ESCALATION_TOO_EARLY;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_NOT_PENDING;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_QUESTION_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_REASON_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_STEP_NOT_PENDING;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_STEP_ROLE;

import java.time.LocalDate;
import java.util.Objects;
import org.gongzhang.core.book.api.payload.RequestApproved;
import org.gongzhang.core.book.api.payload.RequestEscalated;
import org.gongzhang.core.book.api.payload.RequestRefused;
import org.gongzhang.core.book.api.payload.RequestReturned;
import org.gongzhang.core.book.api.payload.RuleVersion;
import org.gongzhang.core.expenditure.ApprovalStep;
import org.gongzhang.core.expenditure.WorkingDays;
import org.gongzhang.verifier.entry.EntryHeader;

/**
 * The approval path of a request (业财社管): its steps are taken in the order the rule set lists
 * them, each by a role that speaks for it, never by the requester. An approver has approved no
 * other step of the request and declared no interest in its payee (separation of duties, DOMAIN
 * §1). The owners' assembly step stands on a joint decision about the request that passed and is
 * at least as strong as the request's matter. A step that waited more than the rule set's working
 * days may be escalated once.
 */
final class ApprovalRules {

    private static final String STEP = "entry.payload.step";
    private static final String DECISION = "entry.payload.decisionId";

    private final Spending spending;
    private final RequestRules requests;

    ApprovalRules(Spending spending) {
        this.spending = spending;
        this.requests = new RequestRules(spending);
    }

    void approved(RequestApproved approval, EntryHeader header) {
        ExpenditureRequest request = pendingAt(approval.requestId(), approval.step(), approval.rules());
        actsOnStep(request, approval.step(), header);
        request.approvedOtherStep(header.actor(), approval.step()).ifPresent(other -> {
            throw REQUEST_APPROVER_APPROVED_OTHER_STEP.at("entry.actor", other);
        });
        if (spending.interested(header.actor(), request.payee())) {
            throw REQUEST_APPROVER_INTERESTED.at("entry.actor");
        }
        if (approval.step() == ApprovalStep.ASSEMBLY) {
            DecisionState decision = decision(approval.decisionId(), approval.requestId());
            if (!decision.passed()) {
                throw REQUEST_DECISION_NOT_PASSED.at(DECISION, approval.decisionId());
            }
            if (!decision.matter().covers(request.matter())) {
                throw REQUEST_DECISION_MATTER_TOO_WEAK.at(DECISION, decision.matter(), request.matter());
            }
        } else {
            noDecision(approval.decisionId(), approval.step());
        }
    }

    void refused(RequestRefused refusal, EntryHeader header) {
        ExpenditureRequest request = pendingAt(refusal.requestId(), refusal.step(), refusal.rules());
        actsOnStep(request, refusal.step(), header);
        Require.nonBlank(refusal.reason(), REQUEST_REASON_BLANK, "entry.payload.reason");
        if (refusal.step() == ApprovalStep.ASSEMBLY) {
            if (decision(refusal.decisionId(), refusal.requestId()).passed()) {
                throw REQUEST_DECISION_PASSED.at(DECISION, refusal.decisionId());
            }
        } else {
            noDecision(refusal.decisionId(), refusal.step());
        }
    }

    void returned(RequestReturned returned, EntryHeader header) {
        ExpenditureRequest request = pendingAt(returned.requestId(), returned.step(), returned.rules());
        actsOnStep(request, returned.step(), header);
        Require.nonBlank(returned.question(), REQUEST_QUESTION_BLANK, "entry.payload.question");
    }

    void escalated(RequestEscalated escalation, EntryHeader header, LocalDate today) {
        ExpenditureRequest request = pendingAt(escalation.requestId(), escalation.step(), null);
        if (!RequestEscalated.DEADLINE.equals(escalation.reason())) {
            throw REQUEST_ESCALATION_REASON_UNKNOWN.at("entry.payload.reason", escalation.reason());
        }
        if (request.escalatedTo() != null) {
            throw REQUEST_ESCALATION_REPEATED.at(STEP, escalation.step(), request.escalatedTo());
        }
        LocalDate date = header.businessDate();
        if (date.isAfter(today)) {
            throw REQUEST_ESCALATION_DATED_AHEAD.at("entry.businessDate", date, today);
        }
        long waited = WorkingDays.after(request.pendingSince(), date);
        int limit = spending.rulesOf(request).reviewWorkingDays();
        if (waited <= limit) {
            throw REQUEST_ESCALATION_TOO_EARLY.at("entry.businessDate", waited, limit, request.pendingSince());
        }
    }

    /** The request, pending at {@code step}, judged under {@code cited} (when the entry cites a version). */
    private ExpenditureRequest pendingAt(String requestId, ApprovalStep step, RuleVersion cited) {
        ExpenditureRequest request = requests.known(requestId);
        if (cited != null) {
            RequestRules.judgedUnder(request, cited);
        }
        ApprovalStep pending = request.pendingStep()
                .orElseThrow(() -> REQUEST_NOT_PENDING.at("entry.payload.requestId", requestId, request.status()));
        if (pending != step) {
            throw REQUEST_STEP_NOT_PENDING.at(STEP, pending);
        }
        return request;
    }

    /** The signer speaks for the step, and is not the requester. */
    private static void actsOnStep(ExpenditureRequest request, ApprovalStep step, EntryHeader header) {
        if (!step.roles().contains(header.role())) {
            throw REQUEST_STEP_ROLE.at("entry.role", step, header.role());
        }
        if (request.requester().equals(header.actor())) {
            throw REQUEST_APPROVER_IS_REQUESTER.at("entry.actor", request.requester());
        }
    }

    /** The joint decision an assembly step cites, which must be about this request. */
    private DecisionState decision(String decisionId, String requestId) {
        if (decisionId == null) {
            throw REQUEST_DECISION_REQUIRED.at(DECISION);
        }
        DecisionState decision = spending.decision(decisionId)
                .orElseThrow(() -> DECISION_UNKNOWN.at(DECISION, decisionId));
        if (!requestId.equals(decision.requestId())) {
            throw REQUEST_DECISION_OTHER_REQUEST.at(DECISION, decisionId, Objects.toString(decision.requestId(), ""));
        }
        return decision;
    }

    private static void noDecision(String decisionId, ApprovalStep step) {
        if (decisionId != null) {
            throw REQUEST_DECISION_UNEXPECTED.at(DECISION, step);
        }
    }
}
