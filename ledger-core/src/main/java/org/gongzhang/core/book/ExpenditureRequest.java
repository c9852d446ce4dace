package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.book.api.payload.RequestRaised;
import org.gongzhang.core.book.api.payload.RuleVersion;
import org.gongzhang.core.expenditure.ApprovalStep;
import org.gongzhang.core.expenditure.Oversight;
import org.gongzhang.core.expenditure.RequestStatus;
import org.gongzhang.core.expenditure.SpendingRuleSet;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.decision.Matter;

/**
 * 支出申请 as the book remembers it: who asked, how much, charged where and paid to whom, whether
 * it is works, the rule set version it is judged under, its approval path and how far it has gone,
 * the amount approved so far, and the vouchers that paid it. Purpose and files stay in the log. Equal when every field
 * is, so that a replay can be compared with the state it rebuilds.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class ExpenditureRequest {

    private String requester;
    private Money amount;
    private String account;
    private String payee;
    private Matter matter;
    private boolean works;
    private String ruleset;
    private int rulesetVersion;
    private List<ApprovalStep> steps = new ArrayList<>();
    private int next;
    private RequestStatus status;
    private Money approved = Money.ZERO;
    private boolean tenderRequired;
    private String pendingSince;
    private Oversight escalatedTo;
    private List<Approval> approvals = new ArrayList<>();
    private List<String> payments = new ArrayList<>();

    ExpenditureRequest() {
    }

    static ExpenditureRequest raised(String requester, RequestRaised raised, SpendingRuleSet rules, LocalDate date) {
        ExpenditureRequest request = new ExpenditureRequest();
        request.requester = requester;
        request.account = raised.account().value();
        request.payee = raised.payee().key();
        request.matter = raised.matter();
        request.works = raised.works();
        request.ruleset = rules.id();
        request.rulesetVersion = rules.version();
        request.restart(raised.amount(), rules, date);
        return request;
    }

    String requester() {
        return requester;
    }

    Money amount() {
        return amount;
    }

    AccountCode account() {
        return AccountCode.of(account);
    }

    /** The payee's {@link org.gongzhang.core.book.api.payload.Payee#key()}. */
    String payee() {
        return payee;
    }

    Matter matter() {
        return matter;
    }

    /** True for construction or repair works (工程): its tender is works too. */
    boolean works() {
        return works;
    }

    RuleVersion rules() {
        return new RuleVersion(ruleset, rulesetVersion);
    }

    RequestStatus status() {
        return status;
    }

    /** The step awaiting a decision, when the request is pending. */
    Optional<ApprovalStep> pendingStep() {
        return status == RequestStatus.PENDING ? Optional.of(steps.get(next)) : Optional.empty();
    }

    /** The business date on which the pending step began to wait. */
    LocalDate pendingSince() {
        return LocalDate.parse(pendingSince);
    }

    /** Where the pending step was escalated, or null. */
    Oversight escalatedTo() {
        return escalatedTo;
    }

    /** The amount approved so far: zero until the whole path is first approved. */
    Money approved() {
        return approved;
    }

    boolean tenderRequired() {
        return tenderRequired;
    }

    /** Payable up to {@link #approved()}: approved once, and neither refused nor cancelled since. */
    boolean payable() {
        return approved.isPositive() && status != RequestStatus.CANCELLED && status != RequestStatus.REFUSED;
    }

    /** A step other than {@code step} that {@code actor} approved on this request, if any. */
    Optional<ApprovalStep> approvedOtherStep(String actor, ApprovalStep step) {
        return approvals.stream().filter(a -> a.actor().equals(actor) && a.step() != step).map(Approval::step).findFirst();
    }

    /** Whether {@code actor} raised this request or approved a step of it. */
    boolean involves(String actor) {
        return requester.equals(actor) || approvals.stream().anyMatch(a -> a.actor().equals(actor));
    }

    /** The vouchers recorded as payments of this request, voided or reversed ones included. */
    List<String> payments() {
        return List.copyOf(payments);
    }

    void approve(ApprovalStep step, String actor, LocalDate date) {
        approvals.add(new Approval(step, actor));
        next++;
        escalatedTo = null;
        if (next == steps.size()) {
            status = RequestStatus.APPROVED;
            approved = amount;
            pendingSince = null;
        } else {
            pendingSince = date.toString();
        }
    }

    /** 不予批准. A refused increase leaves the request approved at its earlier amount. */
    void refuse(SpendingRuleSet rules) {
        if (approved.isPositive()) {
            amount = approved;
            tenderRequired = rules.tenderRequired(approved);
            status = RequestStatus.APPROVED;
        } else {
            status = RequestStatus.REFUSED;
        }
        pendingSince = null;
        escalatedTo = null;
    }

    void returnToRequester() {
        status = RequestStatus.RETURNED;
        pendingSince = null;
        escalatedTo = null;
    }

    /**
     * The path starts again for {@code newAmount} under the request's own rule set: the tier's (or
     * the major-matter) path for a request never approved, the increase path for one approved before.
     */
    void restart(Money newAmount, SpendingRuleSet rules, LocalDate date) {
        amount = newAmount;
        steps = new ArrayList<>(approved.isPositive() ? rules.increasePath(approved, newAmount, matter)
                : rules.path(newAmount, matter));
        next = 0;
        status = RequestStatus.PENDING;
        tenderRequired = rules.tenderRequired(newAmount);
        pendingSince = date.toString();
        escalatedTo = null;
    }

    void cancel() {
        status = RequestStatus.CANCELLED;
        pendingSince = null;
        escalatedTo = null;
    }

    void escalate() {
        escalatedTo = steps.get(next).escalatesTo();
    }

    void paidBy(String voucherId) {
        payments.add(voucherId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExpenditureRequest r && fields().equals(r.fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    private List<Object> fields() {
        return Arrays.asList(requester, amount, account, payee, matter, works, ruleset, rulesetVersion, steps, next, status,
                approved, tenderRequired, pendingSince, escalatedTo, approvals, payments);
    }
}
