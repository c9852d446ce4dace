package org.gongzhang.core.book;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateRoot;
import org.gongzhang.core.account.Account;
import org.gongzhang.core.book.api.AccountAddedEvent;
import org.gongzhang.core.book.api.AccountDisabledEvent;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.BookOpenedEvent;
import org.gongzhang.core.book.api.DecisionRecordedEvent;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.InterestDeclaredEvent;
import org.gongzhang.core.book.api.KeyRegisteredEvent;
import org.gongzhang.core.book.api.KeyRevokedEvent;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.core.book.api.ObjectionAcceptedEvent;
import org.gongzhang.core.book.api.ObjectionAnsweredEvent;
import org.gongzhang.core.book.api.ObjectionEscalatedEvent;
import org.gongzhang.core.book.api.ObjectionRaisedEvent;
import org.gongzhang.core.book.api.ObjectionReviewedEvent;
import org.gongzhang.core.book.api.OpenBookCommand;
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
import org.gongzhang.core.book.api.payload.VoucherPayment;
import org.gongzhang.core.book.api.payload.AccountAdded;
import org.gongzhang.core.book.api.payload.AccountDisabled;
import org.gongzhang.core.book.api.payload.BookOpened;
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
import org.gongzhang.core.disclosure.ObjectionStatus;
import org.gongzhang.core.voucher.RedVoucher;
import org.gongzhang.core.voucher.VoucherStatus;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * 账套: one compound's book for one fund, as the tip of its signed, hash-chained log. Every
 * command carries one signed entry; the book checks the envelope and the kind's rules, then
 * applies the event that carries the entry. State holds only what the rules need.
 */
@AggregateRoot
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class Book {

    @AggregateIdentifier
    private String bookId;
    private LogHead head;
    private BookKeys keys;
    private Accounts accounts;
    private Periods periods;
    private Vouchers vouchers;
    private Balances balances;
    /** Initialised here, not at genesis only: snapshots taken before statements existed restore with none. */
    private Statements statements = new Statements();
    private Objections objections = new Objections();
    /** Sources its own state; a snapshot taken before tenders existed restores with none. */
    @AggregateMember
    private Tenders tenders = new Tenders();
    /** Initialized here too, so that a snapshot taken before governance entries existed restores. */
    private Spending spending = new Spending();

    /** For Axon and for snapshots. */
    public Book() {
    }

    @CommandHandler
    Book(OpenBookCommand command, Clock clock) {
        GenesisRules.check(command.bookId().value(), command.entry(), clock);
        apply(new BookOpenedEvent(command.entry()));
    }

    @CommandHandler
    EntryReceipt handle(AppendEntryCommand command, Clock clock) {
        SignedEntry entry = command.entry();
        EntryHeader header = EnvelopeRules.check(entry, bookId, head, keys, clock);
        apply(new KindRules(accounts, periods, vouchers, balances, keys, head, statements, objections, tenders, spending)
                .decide(EnvelopeRules.kind(header), entry, header, BusinessCalendar.today(clock)));
        return new EntryReceipt(bookId, header.index(), entry.hash(), head.root());
    }

    @EventSourcingHandler
    void on(BookOpenedEvent event) {
        BookOpened opened = BookOpened.from(event.entry());
        bookId = event.header().book();
        head = new LogHead();
        keys = new BookKeys();
        accounts = new Accounts(opened.chart());
        periods = new Periods(opened.startPeriod());
        vouchers = new Vouchers();
        balances = new Balances();
        spending = new Spending();
        advance(event);
    }

    @EventSourcingHandler
    void on(OpeningBalancesSetEvent event) {
        OpeningBalancesSet set = OpeningBalancesSet.from(event.entry());
        set.balances().forEach(line -> balances.add(line.account(), line.signedAmount()));
        accounts.markUsed(set.balances().stream().map(l -> l.account()).toList());
        balances.openingSet(true);
        advance(event);
    }

    @EventSourcingHandler
    void on(AccountAddedEvent event) {
        AccountAdded added = AccountAdded.from(event.entry());
        Account parent = accounts.chart().find(added.parent()).orElseThrow();
        accounts.add(new Account(added.code(), added.name(), added.parent(), parent.direction(), true));
        advance(event);
    }

    @EventSourcingHandler
    void on(AccountDisabledEvent event) {
        accounts.disable(AccountDisabled.from(event.entry()).code());
        advance(event);
    }

    @EventSourcingHandler
    void on(KeyRegisteredEvent event) {
        advance(event);
    }

    @EventSourcingHandler
    void on(KeyRevokedEvent event) {
        advance(event);
    }

    @EventSourcingHandler
    void on(VoucherRecordedEvent event) {
        VoucherRecorded recorded = VoucherRecorded.from(event.entry());
        vouchers.put(recorded.voucherId(),
                VoucherState.recorded(event.header().actor(), recorded.word(), recorded.date(), recorded.lines()));
        accounts.markUsed(recorded.lines().stream().map(l -> l.account()).toList());
        VoucherPayment.from(event.entry()).ifPresent(p -> spending.request(p.request()).orElseThrow()
                .paidBy(recorded.voucherId()));
        advance(event);
    }

    @EventSourcingHandler
    void on(VoucherReviewedEvent event) {
        String voucherId = VoucherReviewed.from(event.entry()).voucherId();
        vouchers.put(voucherId, vouchers.find(voucherId).orElseThrow().with(VoucherStatus.REVIEWED));
        advance(event);
    }

    @EventSourcingHandler
    void on(VoucherPostedEvent event) {
        String voucherId = VoucherPosted.from(event.entry()).voucherId();
        vouchers.posted(voucherId, event.number());
        vouchers.find(voucherId).orElseThrow().lines()
                .forEach(line -> balances.add(line.account(), line.signedAmount()));
        advance(event);
    }

    @EventSourcingHandler
    void on(VoucherVoidedEvent event) {
        String voucherId = VoucherVoided.from(event.entry()).voucherId();
        vouchers.put(voucherId, vouchers.find(voucherId).orElseThrow().with(VoucherStatus.VOIDED));
        advance(event);
    }

    @EventSourcingHandler
    void on(VoucherReversedEvent event) {
        VoucherReversed reversal = VoucherReversed.from(event.entry());
        VoucherState original = vouchers.find(reversal.reverses()).orElseThrow();
        String summary = RedVoucher.summary(original.localDate(), original.word(), original.number());
        vouchers.put(reversal.reverses(), original.markReversed());
        vouchers.put(reversal.voucherId(), VoucherState.recorded(event.header().actor(), original.word(),
                reversal.date(), RedVoucher.lines(original.lines(), summary)));
        advance(event);
    }

    @EventSourcingHandler
    void on(PeriodClosedEvent event) {
        periods.close(PeriodClosed.from(event.entry()).period());
        advance(event);
    }

    @EventSourcingHandler
    void on(PeriodReopenedEvent event) {
        periods.reopen(PeriodReopened.from(event.entry()).period());
        advance(event);
    }

    @EventSourcingHandler
    void on(StatementDraftedEvent event) {
        StatementDrafted drafted = StatementDrafted.from(event.entry());
        statements.put(drafted.statementId(), StatementState.drafted(event.header().actor(), drafted, event.version()));
        advance(event);
    }

    @EventSourcingHandler
    void on(StatementWithdrawnEvent event) {
        statements.update(StatementWithdrawn.from(event.entry()).statementId(), StatementState::withdrawn);
        advance(event);
    }

    @EventSourcingHandler
    void on(StatementSignedEvent event) {
        statements.update(StatementSigned.from(event.entry()).statementId(),
                statement -> statement.signed(event.header().businessDate()));
        advance(event);
    }

    @EventSourcingHandler
    void on(StatementPublishedEvent event) {
        StatementPublished published = StatementPublished.from(event.entry());
        statements.update(published.statementId(),
                statement -> statement.published(published.postingFrom(), published.postingUntil()));
        if (event.supersedes() != null) {
            statements.update(event.supersedes(), statement -> statement.superseded(published.statementId()));
        }
        advance(event);
    }

    @EventSourcingHandler
    void on(ObjectionRaisedEvent event) {
        ObjectionRaised raised = ObjectionRaised.from(event.entry());
        objections.put(raised.objectionId(), ObjectionState.submitted(raised.statementId(), raised.answerBy()));
        advance(event);
    }

    @EventSourcingHandler
    void on(ObjectionAcceptedEvent event) {
        objections.move(ObjectionAccepted.from(event.entry()).objectionId(), ObjectionStatus.ACCEPTED);
        advance(event);
    }

    @EventSourcingHandler
    void on(ObjectionAnsweredEvent event) {
        objections.move(ObjectionAnswered.from(event.entry()).objectionId(), ObjectionStatus.ANSWERED);
        advance(event);
    }

    @EventSourcingHandler
    void on(ObjectionReviewedEvent event) {
        objections.move(ObjectionReviewed.from(event.entry()).objectionId(), ObjectionStatus.REVIEWED);
        advance(event);
    }

    @EventSourcingHandler
    void on(ObjectionEscalatedEvent event) {
        objections.move(ObjectionEscalated.from(event.entry()).objectionId(), ObjectionStatus.ESCALATED);
        advance(event);
    }

    /** Entries whose state lives in a member ({@link Tenders}) still move the log's head here. */
    @EventSourcingHandler
    void on(LedgerEvent event) {
        advance(event);
    }

    // governance: requests, decisions, payments
    @EventSourcingHandler
    void on(RulesetAdoptedEvent event) {
        spending.adopt(RulesetAdopted.from(event.entry()).rules());
        advance(event);
    }

    @EventSourcingHandler
    void on(RequestRaisedEvent event) {
        spending.raise(RequestRaised.from(event.entry()), event.header());
        advance(event);
    }

    @EventSourcingHandler
    void on(RequestApprovedEvent event) {
        RequestApproved approval = RequestApproved.from(event.entry());
        request(approval.requestId()).approve(approval.step(), event.header().actor(), event.header().businessDate());
        advance(event);
    }

    @EventSourcingHandler
    void on(RequestRefusedEvent event) {
        ExpenditureRequest request = request(RequestRefused.from(event.entry()).requestId());
        request.refuse(spending.rulesOf(request));
        advance(event);
    }

    @EventSourcingHandler
    void on(RequestReturnedEvent event) {
        request(RequestReturned.from(event.entry()).requestId()).returnToRequester();
        advance(event);
    }

    @EventSourcingHandler
    void on(RequestResubmittedEvent event) {
        RequestResubmitted resubmitted = RequestResubmitted.from(event.entry());
        ExpenditureRequest request = request(resubmitted.requestId());
        request.restart(resubmitted.amount(), spending.rulesOf(request), event.header().businessDate());
        advance(event);
    }

    @EventSourcingHandler
    void on(RequestCancelledEvent event) {
        request(RequestCancelled.from(event.entry()).requestId()).cancel();
        advance(event);
    }

    @EventSourcingHandler
    void on(RequestEscalatedEvent event) {
        request(RequestEscalated.from(event.entry()).requestId()).escalate();
        advance(event);
    }

    @EventSourcingHandler
    void on(RequestIncreasedEvent event) {
        RequestIncreased increased = RequestIncreased.from(event.entry());
        ExpenditureRequest request = request(increased.requestId());
        request.restart(increased.amount(), spending.rulesOf(request), event.header().businessDate());
        advance(event);
    }

    @EventSourcingHandler
    void on(InterestDeclaredEvent event) {
        spending.declare(InterestDeclared.from(event.entry()), event.header().actor());
        advance(event);
    }

    @EventSourcingHandler
    void on(DecisionRecordedEvent event) {
        spending.record(DecisionRecorded.from(event.entry()));
        advance(event);
    }

    private ExpenditureRequest request(String requestId) {
        return spending.request(requestId).orElseThrow();
    }

    private void advance(LedgerEvent event) {
        EntryHeader header = event.header();
        head.advance(event.entry(), header);
        keys.apply(header);
    }
}
