package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.ContractAcceptedEvent;
import org.gongzhang.core.book.api.ContractSettledEvent;
import org.gongzhang.core.book.api.ContractSignedEvent;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.core.book.api.TenderAwardNoticedEvent;
import org.gongzhang.core.book.api.TenderAwardedEvent;
import org.gongzhang.core.book.api.TenderBidReceivedEvent;
import org.gongzhang.core.book.api.TenderEvaluatedEvent;
import org.gongzhang.core.book.api.TenderOpenedEvent;
import org.gongzhang.core.book.api.TenderPublishedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.core.book.api.VoucherReversedEvent;
import org.gongzhang.core.book.api.VoucherVoidedEvent;
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
import org.gongzhang.core.book.api.payload.VoucherRecorded;
import org.gongzhang.core.book.api.payload.VoucherReversed;
import org.gongzhang.core.book.api.payload.VoucherVoided;
import org.gongzhang.core.money.Money;

/**
 * The tenders (业标镇管) and contracts of a book by id, and which contract each payment voucher
 * pays: contract → vouchers in {@link ContractState#payments()}, voucher → contract here. A member
 * of the book: it sources its own state from the book's events, tender steps and payment vouchers
 * alike.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class Tenders {

    private Map<String, TenderState> tenders = new HashMap<>();
    private Map<String, ContractState> contracts = new HashMap<>();
    private Map<String, String> paymentContracts = new HashMap<>();

    Optional<TenderState> tender(String tenderId) {
        return Optional.ofNullable(tenders.get(tenderId));
    }

    /** The request served by the tender whose contract a voucher pays, if the voucher pays a contract. */
    Optional<String> requestPaidBy(String voucherId) {
        return Optional.ofNullable(paymentContracts.get(voucherId)).map(contracts::get)
                .map(contract -> tenders.get(contract.tenderId())).map(TenderState::requestId);
    }

    Optional<ContractState> contract(String contractId) {
        return Optional.ofNullable(contracts.get(contractId));
    }

    /**
     * The tenders standing for {@code requestId}, by id: those that serve it and were not replaced
     * after failing. While one stands, the request is paid only against its contract.
     */
    Map<String, TenderState> standingFor(String requestId) {
        Map<String, TenderState> standing = new TreeMap<>();
        tenders.forEach((id, tender) -> {
            if (requestId.equals(tender.requestId()) && tender.supersededBy() == null) {
                standing.put(id, tender);
            }
        });
        return standing;
    }

    /** What the contracts of the tenders serving {@code requestId} have paid, released payments left out. */
    Money paidByContracts(String requestId) {
        return tenders.values().stream().filter(t -> requestId.equals(t.requestId()) && t.contractId() != null)
                .map(t -> contracts.get(t.contractId()).paid()).reduce(Money.ZERO, Money::plus);
    }

    /** The rules let a tender for a request stand only once every tender standing for it failed: it replaces them. */
    @EventSourcingHandler
    void on(TenderPublishedEvent event) {
        TenderPublished published = TenderPublished.from(event.entry());
        if (published.requestId() != null) {
            standingFor(published.requestId()).forEach((id, failed) -> tenders.put(id, failed.supersede(published.tenderId())));
        }
        tenders.put(published.tenderId(), TenderState.published(published, date(event)));
    }

    @EventSourcingHandler
    void on(TenderBidReceivedEvent event) {
        TenderBidReceived bid = TenderBidReceived.from(event.entry());
        tenders.computeIfPresent(bid.tenderId(),
                (id, tender) -> tender.bidReceived(bid.bidId(), bid.bidder(), bid.sealedSha256(), date(event)));
    }

    @EventSourcingHandler
    void on(TenderOpenedEvent event) {
        TenderOpened opening = TenderOpened.from(event.entry());
        Map<String, Money> amounts = new HashMap<>();
        opening.bids().forEach(bid -> amounts.put(bid.bidId(), bid.amount()));
        tenders.computeIfPresent(opening.tenderId(), (id, tender) -> tender.opened(amounts, date(event)));
    }

    @EventSourcingHandler
    void on(TenderEvaluatedEvent event) {
        TenderEvaluated evaluation = TenderEvaluated.from(event.entry());
        tenders.computeIfPresent(evaluation.tenderId(), (id, tender) -> tender.evaluated(evaluation.ranking(), date(event)));
    }

    @EventSourcingHandler
    void on(TenderAwardedEvent event) {
        TenderAwarded award = TenderAwarded.from(event.entry());
        tenders.computeIfPresent(award.tenderId(), (id, tender) -> tender.awarded(award.bidId(), date(event)));
    }

    @EventSourcingHandler
    void on(TenderAwardNoticedEvent event) {
        TenderAwardNoticed notice = TenderAwardNoticed.from(event.entry());
        tenders.computeIfPresent(notice.tenderId(), (id, tender) -> tender.awardNoticed(notice.noticeUntil(), date(event)));
    }

    @EventSourcingHandler
    void on(ContractSignedEvent event) {
        ContractSigned signed = ContractSigned.from(event.entry());
        TenderState tender = tenders.get(signed.tenderId());
        tenders.put(signed.tenderId(), tender.contracted(signed.contractId(), date(event)));
        contracts.put(signed.contractId(), ContractState.signed(signed.tenderId(), signed.amount(), tender.works(), date(event)));
    }

    @EventSourcingHandler
    void on(ContractAcceptedEvent event) {
        contracts.computeIfPresent(ContractAccepted.from(event.entry()).contractId(),
                (id, contract) -> contract.accept(date(event)));
    }

    @EventSourcingHandler
    void on(ContractSettledEvent event) {
        ContractFinalAccount account = ContractFinalAccount.from(event.entry());
        contracts.computeIfPresent(account.contractId(), (id, contract) -> contract.settle(account.finalAmount(), date(event)));
    }

    @EventSourcingHandler
    void on(VoucherRecordedEvent event) {
        ContractPayment.from(event.entry()).ifPresent(payment -> {
            VoucherRecorded voucher = VoucherRecorded.from(event.entry());
            contracts.computeIfPresent(payment.contractId(),
                    (id, contract) -> contract.pay(voucher.voucherId(), voucher.total(Side.DEBIT)));
            paymentContracts.put(voucher.voucherId(), payment.contractId());
        });
    }

    @EventSourcingHandler
    void on(VoucherVoidedEvent event) {
        release(VoucherVoided.from(event.entry()).voucherId());
    }

    @EventSourcingHandler
    void on(VoucherReversedEvent event) {
        release(VoucherReversed.from(event.entry()).reverses());
    }

    /** A voided or reversed voucher no longer pays its contract, if it paid one. */
    private void release(String voucherId) {
        Optional.ofNullable(paymentContracts.get(voucherId))
                .ifPresent(c -> contracts.computeIfPresent(c, (id, contract) -> contract.release(voucherId)));
    }

    private static LocalDate date(LedgerEvent event) {
        return event.header().businessDate();
    }
}
