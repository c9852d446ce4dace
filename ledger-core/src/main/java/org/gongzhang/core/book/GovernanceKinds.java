package org.gongzhang.core.book;

import java.time.LocalDate;
import org.gongzhang.core.book.api.DecisionRecordedEvent;
import org.gongzhang.core.book.api.InterestDeclaredEvent;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.core.book.api.RequestApprovedEvent;
import org.gongzhang.core.book.api.RequestCancelledEvent;
import org.gongzhang.core.book.api.RequestEscalatedEvent;
import org.gongzhang.core.book.api.RequestIncreasedEvent;
import org.gongzhang.core.book.api.RequestRaisedEvent;
import org.gongzhang.core.book.api.RequestRefusedEvent;
import org.gongzhang.core.book.api.RequestResubmittedEvent;
import org.gongzhang.core.book.api.RequestReturnedEvent;
import org.gongzhang.core.book.api.RulesetAdoptedEvent;
import org.gongzhang.core.book.api.payload.DecisionRecorded;
import org.gongzhang.core.book.api.payload.InterestDeclared;
import org.gongzhang.core.book.api.payload.RequestApproved;
import org.gongzhang.core.book.api.payload.RequestCancelled;
import org.gongzhang.core.book.api.payload.RequestEscalated;
import org.gongzhang.core.book.api.payload.RequestIncreased;
import org.gongzhang.core.book.api.payload.RequestRaised;
import org.gongzhang.core.book.api.payload.RequestRefused;
import org.gongzhang.core.book.api.payload.RequestResubmitted;
import org.gongzhang.core.book.api.payload.RequestReturned;
import org.gongzhang.core.book.api.payload.RulesetAdopted;
import org.gongzhang.core.book.api.payload.TenderPublished;
import org.gongzhang.core.book.api.payload.VoucherPayment;
import org.gongzhang.core.book.api.payload.VoucherRecorded;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * The spending-governance kinds (业财社管): reads each payload, runs its rules against the book's
 * state and answers the event to apply; and checks the payment a voucher may carry and the request a
 * tender may serve. Reads state, never changes it.
 */
final class GovernanceKinds {

    private final Spending spending;
    private final Accounts accounts;
    private final Vouchers vouchers;
    private final Tenders tenders;

    GovernanceKinds(Spending spending, Accounts accounts, Vouchers vouchers, Tenders tenders) {
        this.spending = spending;
        this.accounts = accounts;
        this.vouchers = vouchers;
        this.tenders = tenders;
    }

    LedgerEvent rulesetAdopted(SignedEntry entry) {
        RuleSetRules.adopted(RulesetAdopted.from(entry).rules(), spending);
        return new RulesetAdoptedEvent(entry);
    }

    LedgerEvent requestRaised(SignedEntry entry) {
        requests().raised(RequestRaised.from(entry), accounts);
        return new RequestRaisedEvent(entry);
    }

    LedgerEvent requestApproved(SignedEntry entry, EntryHeader header) {
        approvals().approved(RequestApproved.from(entry), header);
        return new RequestApprovedEvent(entry);
    }

    LedgerEvent requestRefused(SignedEntry entry, EntryHeader header) {
        approvals().refused(RequestRefused.from(entry), header);
        return new RequestRefusedEvent(entry);
    }

    LedgerEvent requestReturned(SignedEntry entry, EntryHeader header) {
        approvals().returned(RequestReturned.from(entry), header);
        return new RequestReturnedEvent(entry);
    }

    LedgerEvent requestResubmitted(SignedEntry entry, EntryHeader header) {
        requests().resubmitted(RequestResubmitted.from(entry), header);
        return new RequestResubmittedEvent(entry);
    }

    LedgerEvent requestCancelled(SignedEntry entry, EntryHeader header) {
        RequestCancelled cancelled = RequestCancelled.from(entry);
        ExpenditureRequest request = requests().known(cancelled.requestId());
        requests().cancelled(cancelled, header,
                payments().paidSoFar(request).plus(tenders.paidByContracts(cancelled.requestId())));
        return new RequestCancelledEvent(entry);
    }

    LedgerEvent requestEscalated(SignedEntry entry, EntryHeader header, LocalDate today) {
        approvals().escalated(RequestEscalated.from(entry), header, today);
        return new RequestEscalatedEvent(entry);
    }

    LedgerEvent requestIncreased(SignedEntry entry, EntryHeader header) {
        requests().increased(RequestIncreased.from(entry), header);
        return new RequestIncreasedEvent(entry);
    }

    LedgerEvent interestDeclared(SignedEntry entry) {
        InterestRules.declared(InterestDeclared.from(entry));
        return new InterestDeclaredEvent(entry);
    }

    LedgerEvent decisionRecorded(SignedEntry entry) {
        DecisionRules.recorded(DecisionRecorded.from(entry), spending);
        return new DecisionRecordedEvent(entry);
    }

    /** The rules of the request a voucher pays, if it pays one. */
    void payment(SignedEntry entry, VoucherRecorded voucher, String preparer) {
        VoucherPayment.from(entry).ifPresent(payment -> payments().paid(voucher, payment.request(), preparer));
    }

    /** The rules of a payment voucher's review, if it pays a request. */
    void paymentReviewed(String voucherId, String reviewer) {
        payments().reviewed(voucherId, reviewer);
    }

    private RequestRules requests() {
        return new RequestRules(spending);
    }

    private ApprovalRules approvals() {
        return new ApprovalRules(spending);
    }

    /** The request a tender serves, if it names one. */
    void tenderPublished(TenderPublished tender, LocalDate date) {
        new TenderRequestRules(spending, payments(), tenders).published(tender, date);
    }

    private PaymentRules payments() {
        return new PaymentRules(spending, vouchers, tenders);
    }
}
