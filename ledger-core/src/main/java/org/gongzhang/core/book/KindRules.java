package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.BOOK_OPENED_NOT_FIRST;

import java.time.LocalDate;
import org.gongzhang.core.book.api.AccountAddedEvent;
import org.gongzhang.core.book.api.AccountDisabledEvent;
import org.gongzhang.core.book.api.KeyRegisteredEvent;
import org.gongzhang.core.book.api.KeyRevokedEvent;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.core.book.api.OpeningBalancesSetEvent;
import org.gongzhang.core.book.api.PeriodClosedEvent;
import org.gongzhang.core.book.api.PeriodReopenedEvent;
import org.gongzhang.core.book.api.VoucherPostedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.core.book.api.VoucherReversedEvent;
import org.gongzhang.core.book.api.VoucherReviewedEvent;
import org.gongzhang.core.book.api.VoucherVoidedEvent;
import org.gongzhang.core.book.api.payload.AccountAdded;
import org.gongzhang.core.book.api.payload.AccountDisabled;
import org.gongzhang.core.book.api.payload.KeyRegistered;
import org.gongzhang.core.book.api.payload.KeyRevoked;
import org.gongzhang.core.book.api.payload.OpeningBalancesSet;
import org.gongzhang.core.book.api.payload.PeriodClosed;
import org.gongzhang.core.book.api.payload.PeriodReopened;
import org.gongzhang.core.book.api.payload.VoucherPosted;
import org.gongzhang.core.book.api.payload.VoucherRecorded;
import org.gongzhang.core.book.api.payload.VoucherReversed;
import org.gongzhang.core.book.api.payload.VoucherReviewed;
import org.gongzhang.core.book.api.payload.VoucherVoided;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * Each kind's own rules, run on an entry whose envelope passed: reads the payload, checks it
 * against the book's state and answers the event to apply. Reads state, never changes it.
 */
final class KindRules {

    private final Accounts accounts;
    private final Periods periods;
    private final Vouchers vouchers;
    private final Balances balances;
    private final BookKeys keys;
    private final Spending spending;

    KindRules(Accounts accounts, Periods periods, Vouchers vouchers, Balances balances, BookKeys keys,
            Spending spending) {
        this.accounts = accounts;
        this.periods = periods;
        this.vouchers = vouchers;
        this.balances = balances;
        this.keys = keys;
        this.spending = spending;
    }

    LedgerEvent decide(EntryKind kind, SignedEntry entry, EntryHeader header, LocalDate today) {
        return switch (kind) {
            case BOOK_OPENED -> throw BOOK_OPENED_NOT_FIRST.at("entry.kind");
            case OPENING_BALANCES_SET -> openingBalances(entry);
            case ACCOUNT_ADDED -> accountAdded(entry);
            case ACCOUNT_DISABLED -> accountDisabled(entry);
            case KEY_REGISTERED -> keyRegistered(entry);
            case KEY_REVOKED -> keyRevoked(entry);
            case VOUCHER_RECORDED -> voucherRecorded(entry, today);
            case VOUCHER_REVIEWED -> voucherReviewed(entry, header.actor());
            case VOUCHER_POSTED -> voucherPosted(entry);
            case VOUCHER_VOIDED -> voucherVoided(entry);
            case VOUCHER_REVERSED -> voucherReversed(entry, today);
            case PERIOD_CLOSED -> periodClosed(entry);
            case PERIOD_REOPENED -> periodReopened(entry);
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

    private LedgerEvent voucherRecorded(SignedEntry entry, LocalDate today) {
        VoucherRecorded recorded = VoucherRecorded.from(entry);
        voucherRules().recorded(recorded, today);
        governance().payment(entry, recorded);
        return new VoucherRecordedEvent(entry);
    }

    private LedgerEvent voucherReviewed(SignedEntry entry, String reviewer) {
        new WorkflowRules(vouchers).reviewed(VoucherReviewed.from(entry).voucherId(), reviewer);
        return new VoucherReviewedEvent(entry);
    }

    private LedgerEvent voucherPosted(SignedEntry entry) {
        VoucherState voucher = new WorkflowRules(vouchers).posted(VoucherPosted.from(entry).voucherId());
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

    private VoucherRules voucherRules() {
        return new VoucherRules(accounts, periods, vouchers);
    }

    // governance: requests, decisions, payments
    private GovernanceKinds governance() {
        return new GovernanceKinds(spending, accounts, vouchers);
    }
}
