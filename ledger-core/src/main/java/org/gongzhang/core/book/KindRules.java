package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.BOOK_OPENED_NOT_FIRST;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.gongzhang.core.book.api.AccountAddedEvent;
import org.gongzhang.core.book.api.AccountDisabledEvent;
import org.gongzhang.core.book.api.KeyRegisteredEvent;
import org.gongzhang.core.book.api.KeyRevokedEvent;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.core.book.api.ObjectionAcceptedEvent;
import org.gongzhang.core.book.api.ObjectionAnsweredEvent;
import org.gongzhang.core.book.api.ObjectionEscalatedEvent;
import org.gongzhang.core.book.api.ObjectionRaisedEvent;
import org.gongzhang.core.book.api.ObjectionReviewedEvent;
import org.gongzhang.core.book.api.OpeningBalancesSetEvent;
import org.gongzhang.core.book.api.PeriodClosedEvent;
import org.gongzhang.core.book.api.PeriodReopenedEvent;
import org.gongzhang.core.book.api.StatementDraftedEvent;
import org.gongzhang.core.book.api.StatementPublishedEvent;
import org.gongzhang.core.book.api.StatementSignedEvent;
import org.gongzhang.core.book.api.StatementWithdrawnEvent;
import org.gongzhang.core.book.api.VoucherPostedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.core.book.api.VoucherReversedEvent;
import org.gongzhang.core.book.api.VoucherReviewedEvent;
import org.gongzhang.core.book.api.VoucherVoidedEvent;
import org.gongzhang.core.book.api.ContractAcceptedEvent;
import org.gongzhang.core.book.api.ContractSettledEvent;
import org.gongzhang.core.book.api.ContractSignedEvent;
import org.gongzhang.core.book.api.TenderAwardNoticedEvent;
import org.gongzhang.core.book.api.TenderAwardedEvent;
import org.gongzhang.core.book.api.TenderBidReceivedEvent;
import org.gongzhang.core.book.api.TenderEvaluatedEvent;
import org.gongzhang.core.book.api.TenderOpenedEvent;
import org.gongzhang.core.book.api.TenderPublishedEvent;
import org.gongzhang.core.book.api.payload.AccountAdded;
import org.gongzhang.core.book.api.payload.AccountDisabled;
import org.gongzhang.core.book.api.payload.KeyRegistered;
import org.gongzhang.core.book.api.payload.KeyRevoked;
import org.gongzhang.core.book.api.payload.ObjectionAccepted;
import org.gongzhang.core.book.api.payload.ObjectionAnswered;
import org.gongzhang.core.book.api.payload.ObjectionEscalated;
import org.gongzhang.core.book.api.payload.ObjectionRaised;
import org.gongzhang.core.book.api.payload.ObjectionReviewed;
import org.gongzhang.core.book.api.payload.OpeningBalancesSet;
import org.gongzhang.core.book.api.payload.PeriodClosed;
import org.gongzhang.core.book.api.payload.PeriodReopened;
import org.gongzhang.core.book.api.payload.StatementDrafted;
import org.gongzhang.core.book.api.payload.StatementPublished;
import org.gongzhang.core.book.api.payload.StatementSigned;
import org.gongzhang.core.book.api.payload.StatementWithdrawn;
import org.gongzhang.core.book.api.payload.VoucherPosted;
import org.gongzhang.core.book.api.payload.VoucherRecorded;
import org.gongzhang.core.book.api.payload.VoucherReversed;
import org.gongzhang.core.book.api.payload.VoucherReviewed;
import org.gongzhang.core.book.api.payload.VoucherVoided;
import org.gongzhang.core.book.api.payload.ContractAccepted;
import org.gongzhang.core.book.api.payload.ContractFinalAccount;
import org.gongzhang.core.book.api.payload.ContractPayment;
import org.gongzhang.core.book.api.payload.ContractSigned;
import org.gongzhang.core.book.api.payload.TenderAwardNoticed;
import org.gongzhang.core.book.api.payload.TenderAwarded;
import org.gongzhang.core.book.api.payload.TenderBidReceived;
import org.gongzhang.core.book.api.payload.TenderEvaluated;
import org.gongzhang.core.book.api.payload.TenderOpened;
import org.gongzhang.core.book.api.payload.TenderPublished;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * Each kind's own rules, run on an entry whose envelope passed: reads the payload, checks it
 * against the book's state and answers the event to apply. Reads state, never changes it.
 */
final class KindRules {

    /** Statements and objections: their rules hang on business dates, which may not lie ahead of today. */
    private static final Set<EntryKind> DISCLOSURES = EnumSet.of(EntryKind.STATEMENT_DRAFTED,
            EntryKind.STATEMENT_WITHDRAWN, EntryKind.STATEMENT_SIGNED, EntryKind.STATEMENT_PUBLISHED,
            EntryKind.OBJECTION_RAISED, EntryKind.OBJECTION_ACCEPTED, EntryKind.OBJECTION_ANSWERED,
            EntryKind.OBJECTION_REVIEWED, EntryKind.OBJECTION_ESCALATED);

    private final Accounts accounts;
    private final Periods periods;
    private final Vouchers vouchers;
    private final Balances balances;
    private final BookKeys keys;
    private final LogHead head;
    private final Statements statements;
    private final Objections objections;
    private final Tenders tenders;

    private final Spending spending;

    KindRules(Accounts accounts, Periods periods, Vouchers vouchers, Balances balances, BookKeys keys, LogHead head,
            Statements statements, Objections objections, Tenders tenders, Spending spending) {
        this.accounts = accounts;
        this.periods = periods;
        this.vouchers = vouchers;
        this.balances = balances;
        this.keys = keys;
        this.head = head;
        this.statements = statements;
        this.objections = objections;
        this.tenders = tenders;
        this.spending = spending;
    }

    LedgerEvent decide(EntryKind kind, SignedEntry entry, EntryHeader header, LocalDate today) {
        if (DISCLOSURES.contains(kind)) {
            Require.notAfterToday(header.businessDate(), today);
        }
        return switch (kind) {
            case BOOK_OPENED -> throw BOOK_OPENED_NOT_FIRST.at("entry.kind");
            case OPENING_BALANCES_SET -> openingBalances(entry);
            case ACCOUNT_ADDED -> accountAdded(entry);
            case ACCOUNT_DISABLED -> accountDisabled(entry);
            case KEY_REGISTERED -> keyRegistered(entry);
            case KEY_REVOKED -> keyRevoked(entry);
            case VOUCHER_RECORDED -> voucherRecorded(entry, header.actor(), today);
            case VOUCHER_REVIEWED -> voucherReviewed(entry, header.actor());
            case VOUCHER_POSTED -> voucherPosted(entry);
            case VOUCHER_VOIDED -> voucherVoided(entry);
            case VOUCHER_REVERSED -> voucherReversed(entry, today);
            case PERIOD_CLOSED -> periodClosed(entry);
            case PERIOD_REOPENED -> periodReopened(entry);
            case STATEMENT_DRAFTED -> statementDrafted(entry);
            case STATEMENT_WITHDRAWN -> statementWithdrawn(entry);
            case STATEMENT_SIGNED -> statementSigned(entry, header.actor());
            case STATEMENT_PUBLISHED -> statementPublished(entry);
            case OBJECTION_RAISED -> objectionRaised(entry, header.businessDate());
            case OBJECTION_ACCEPTED -> objectionAccepted(entry);
            case OBJECTION_ANSWERED -> objectionAnswered(entry);
            case OBJECTION_REVIEWED -> objectionReviewed(entry);
            case OBJECTION_ESCALATED -> objectionEscalated(entry, header);
            // governance: tenders and contracts
            case TENDER_PUBLISHED -> tenderPublished(entry, header, today);
            case TENDER_BID_RECEIVED -> tenderBidReceived(entry, header, today);
            case TENDER_OPENED -> tenderOpened(entry, header, today);
            case TENDER_EVALUATED -> tenderEvaluated(entry, header, today);
            case TENDER_AWARDED -> tenderAwarded(entry, header, today);
            case TENDER_AWARD_NOTICED -> tenderAwardNoticed(entry, header, today);
            case CONTRACT_SIGNED -> contractSigned(entry, header, today);
            case CONTRACT_ACCEPTED -> contractAccepted(entry, header, today);
            case CONTRACT_FINAL_ACCOUNT -> contractSettled(entry, header, today);
            // governance: requests, decisions, payments
            case RULESET_ADOPTED -> governance().rulesetAdopted(entry);
            case REQUEST_RAISED -> governance().requestRaised(entry);
            case REQUEST_APPROVED -> governance().requestApproved(entry, header);
            case REQUEST_REFUSED -> governance().requestRefused(entry, header);
            case REQUEST_RETURNED -> governance().requestReturned(entry, header);
            case REQUEST_RESUBMITTED -> governance().requestResubmitted(entry, header);
            case REQUEST_CANCELLED -> governance().requestCancelled(entry, header);
            case REQUEST_ESCALATED -> governance().requestEscalated(entry, header, today);
            case REQUEST_INCREASED -> governance().requestIncreased(entry, header);
            case INTEREST_DECLARED -> governance().interestDeclared(entry);
            case DECISION_RECORDED -> governance().decisionRecorded(entry);
        };
    }

    private LedgerEvent openingBalances(SignedEntry entry) {
        OpeningBalanceRules.check(OpeningBalancesSet.from(entry), accounts, balances, vouchers);
        return new OpeningBalancesSetEvent(entry);
    }

    private LedgerEvent accountAdded(SignedEntry entry) {
        AccountRules.added(AccountAdded.from(entry), accounts);
        return new AccountAddedEvent(entry);
    }

    private LedgerEvent accountDisabled(SignedEntry entry) {
        AccountRules.disabled(AccountDisabled.from(entry), accounts);
        return new AccountDisabledEvent(entry);
    }

    private LedgerEvent keyRegistered(SignedEntry entry) {
        KeyRules.registered(KeyRegistered.from(entry), keys);
        return new KeyRegisteredEvent(entry);
    }

    private LedgerEvent keyRevoked(SignedEntry entry) {
        KeyRules.revoked(KeyRevoked.from(entry), keys);
        return new KeyRevokedEvent(entry);
    }

    private LedgerEvent voucherRecorded(SignedEntry entry, String preparer, LocalDate today) {
        VoucherRecorded recorded = VoucherRecorded.from(entry);
        voucherRules().recorded(recorded, today);
        contractPayment(entry, preparer);
        governance().payment(entry, recorded, preparer);
        return new VoucherRecordedEvent(entry);
    }

    private LedgerEvent voucherReviewed(SignedEntry entry, String reviewer) {
        String voucherId = VoucherReviewed.from(entry).voucherId();
        new WorkflowRules(vouchers).reviewed(voucherId, reviewer);
        governance().paymentReviewed(voucherId, reviewer);
        return new VoucherReviewedEvent(entry);
    }

    private LedgerEvent voucherPosted(SignedEntry entry) {
        VoucherState voucher = new WorkflowRules(vouchers).posted(VoucherPosted.from(entry).voucherId(), voucherRules());
        int number = vouchers.lastNumber(voucher.word(), voucher.period()) + 1;
        return new VoucherPostedEvent(entry, voucher.word().character(), voucher.period().toString(), number);
    }

    private LedgerEvent voucherVoided(SignedEntry entry) {
        VoucherVoided voided = VoucherVoided.from(entry);
        new WorkflowRules(vouchers).voided(voided.voucherId(), voided.reason());
        return new VoucherVoidedEvent(entry);
    }

    private LedgerEvent voucherReversed(SignedEntry entry, LocalDate today) {
        new WorkflowRules(vouchers).reversed(VoucherReversed.from(entry), voucherRules(), today);
        return new VoucherReversedEvent(entry);
    }

    private LedgerEvent periodClosed(SignedEntry entry) {
        PeriodRules.closed(PeriodClosed.from(entry).period(), periods, vouchers, balances);
        return new PeriodClosedEvent(entry);
    }

    private LedgerEvent periodReopened(SignedEntry entry) {
        PeriodRules.reopened(PeriodReopened.from(entry), periods);
        return new PeriodReopenedEvent(entry);
    }

    private LedgerEvent statementDrafted(SignedEntry entry) {
        return new StatementDraftedEvent(entry, statementRules().drafted(StatementDrafted.from(entry)));
    }

    private LedgerEvent statementWithdrawn(SignedEntry entry) {
        statementRules().withdrawn(StatementWithdrawn.from(entry));
        return new StatementWithdrawnEvent(entry);
    }

    private LedgerEvent statementSigned(SignedEntry entry, String signer) {
        statementRules().signed(StatementSigned.from(entry), signer);
        return new StatementSignedEvent(entry);
    }

    private LedgerEvent statementPublished(SignedEntry entry) {
        return new StatementPublishedEvent(entry, statementRules().published(StatementPublished.from(entry)));
    }

    private LedgerEvent objectionRaised(SignedEntry entry, LocalDate raisedOn) {
        objectionRules().raised(ObjectionRaised.from(entry), raisedOn);
        return new ObjectionRaisedEvent(entry);
    }

    private LedgerEvent objectionAccepted(SignedEntry entry) {
        objectionRules().accepted(ObjectionAccepted.from(entry).objectionId());
        return new ObjectionAcceptedEvent(entry);
    }

    private LedgerEvent objectionAnswered(SignedEntry entry) {
        objectionRules().answered(ObjectionAnswered.from(entry));
        return new ObjectionAnsweredEvent(entry);
    }

    private LedgerEvent objectionReviewed(SignedEntry entry) {
        objectionRules().reviewed(ObjectionReviewed.from(entry));
        return new ObjectionReviewedEvent(entry);
    }

    private LedgerEvent objectionEscalated(SignedEntry entry, EntryHeader header) {
        objectionRules().escalated(ObjectionEscalated.from(entry), header);
        return new ObjectionEscalatedEvent(entry);
    }

    private StatementRules statementRules() {
        return new StatementRules(statements, periods, head);
    }

    private ObjectionRules objectionRules() {
        return new ObjectionRules(objections, statements);
    }

    private VoucherRules voucherRules() {
        return new VoucherRules(accounts, periods, vouchers);
    }

    // governance: tenders and contracts

    private void contractPayment(SignedEntry entry, String preparer) {
        ContractPayment.from(entry).ifPresent(p -> new ContractPaymentRules(tenders, spending)
                .recorded(VoucherRecorded.from(entry), p, preparer));
    }

    private LedgerEvent tenderPublished(SignedEntry entry, EntryHeader header, LocalDate today) {
        TenderPublished tender = TenderPublished.from(entry);
        tenderRules(header, today).published(tender);
        governance().tenderPublished(tender, header.businessDate());
        return new TenderPublishedEvent(entry);
    }

    private LedgerEvent tenderBidReceived(SignedEntry entry, EntryHeader header, LocalDate today) {
        tenderRules(header, today).bidReceived(TenderBidReceived.from(entry));
        return new TenderBidReceivedEvent(entry);
    }

    private LedgerEvent tenderOpened(SignedEntry entry, EntryHeader header, LocalDate today) {
        tenderRules(header, today).opened(TenderOpened.from(entry));
        return new TenderOpenedEvent(entry);
    }

    private LedgerEvent tenderEvaluated(SignedEntry entry, EntryHeader header, LocalDate today) {
        tenderRules(header, today).evaluated(TenderEvaluated.from(entry));
        return new TenderEvaluatedEvent(entry);
    }

    private LedgerEvent tenderAwarded(SignedEntry entry, EntryHeader header, LocalDate today) {
        tenderRules(header, today).awarded(TenderAwarded.from(entry));
        return new TenderAwardedEvent(entry);
    }

    private LedgerEvent tenderAwardNoticed(SignedEntry entry, EntryHeader header, LocalDate today) {
        tenderRules(header, today).awardNoticed(TenderAwardNoticed.from(entry));
        return new TenderAwardNoticedEvent(entry);
    }

    private LedgerEvent contractSigned(SignedEntry entry, EntryHeader header, LocalDate today) {
        contractRules(header, today).signed(ContractSigned.from(entry));
        return new ContractSignedEvent(entry);
    }

    private LedgerEvent contractAccepted(SignedEntry entry, EntryHeader header, LocalDate today) {
        contractRules(header, today).accepted(ContractAccepted.from(entry));
        return new ContractAcceptedEvent(entry);
    }

    private LedgerEvent contractSettled(SignedEntry entry, EntryHeader header, LocalDate today) {
        contractRules(header, today).settled(ContractFinalAccount.from(entry));
        return new ContractSettledEvent(entry);
    }

    private TenderRules tenderRules(EntryHeader header, LocalDate today) {
        return new TenderRules(tenders, header.businessDate(), today);
    }

    private ContractRules contractRules(EntryHeader header, LocalDate today) {
        return new ContractRules(tenders, header.businessDate(), today);
    }

    // governance: requests, decisions, payments
    private GovernanceKinds governance() {
        return new GovernanceKinds(spending, accounts, vouchers, tenders);
    }
}
