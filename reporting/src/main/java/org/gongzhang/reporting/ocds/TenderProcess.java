package org.gongzhang.reporting.ocds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.payload.Bidder;
import org.gongzhang.core.book.api.payload.BookOpened;
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
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * One contracting process (a tender, its award, contract and payments) as its entries tell it so
 * far. Entries are applied in log order; each one that concerns the tender changes the process and
 * answers the release tags it makes (releaseTag codelist).
 */
final class TenderProcess {

    private final String tenderId;
    private BookOpened book;
    private TenderPublished tender;
    private final Map<String, Bid> bids = new LinkedHashMap<>();
    private String reportSha256;
    private TenderAwarded award;
    private LocalDate awardDate;
    private TenderAwardNoticed awardNotice;
    private ContractSigned contract;
    private LocalDate signedOn;
    private ContractAccepted acceptance;
    private ContractFinalAccount finalAccount;
    private final Map<String, Payment> payments = new LinkedHashMap<>();

    TenderProcess(String tenderId) {
        this.tenderId = tenderId;
    }

    /** Applies the entry if it concerns this tender: the tags of the release it makes, or empty. */
    List<String> apply(SignedEntry entry, EntryHeader header) {
        boolean terminated = terminated();
        List<String> tags = new ArrayList<>(change(entry, header));
        if (!tags.isEmpty() && !terminated && terminated()) {
            tags.add("contractTermination");
        }
        return tags;
    }

    private List<String> change(SignedEntry entry, EntryHeader header) {
        String tenderInPayload = header.payload().path("tenderId").asText(null);
        return switch (header.kind()) {
            case "book.opened" -> {
                book = BookOpened.from(entry);
                yield List.of();
            }
            case "tender.published" -> ours(tenderInPayload) ? published(entry) : List.of();
            case "tender.bid-received" -> ours(tenderInPayload) ? bidReceived(entry) : List.of();
            case "tender.opened" -> ours(tenderInPayload) ? opened(entry) : List.of();
            case "tender.evaluated" -> ours(tenderInPayload) ? evaluated(entry) : List.of();
            case "tender.awarded" -> ours(tenderInPayload) ? awarded(entry, header) : List.of();
            case "tender.award-noticed" -> ours(tenderInPayload) ? awardNoticed(entry) : List.of();
            case "contract.signed" -> ours(tenderInPayload) ? signed(entry, header) : List.of();
            case "contract.accepted" -> ourContract(header) ? accepted(entry) : List.of();
            case "contract.final-account" -> ourContract(header) ? settled(entry) : List.of();
            case "voucher.recorded" -> paid(entry);
            case "voucher.voided" -> released(VoucherVoided.from(entry).voucherId());
            case "voucher.reversed" -> released(VoucherReversed.from(entry).reverses());
            default -> List.of();
        };
    }

    private boolean ours(String tenderInPayload) {
        return tenderId.equals(tenderInPayload);
    }

    private boolean ourContract(EntryHeader header) {
        return contract != null && contract.contractId().equals(header.payload().path("contractId").asText(null));
    }

    private List<String> published(SignedEntry entry) {
        tender = TenderPublished.from(entry);
        return List.of("tender");
    }

    private List<String> bidReceived(SignedEntry entry) {
        TenderBidReceived bid = TenderBidReceived.from(entry);
        bids.put(bid.bidId(), new Bid(bid.bidder(), null));
        return List.of("tenderUpdate");
    }

    private List<String> opened(SignedEntry entry) {
        TenderOpened.from(entry).bids().forEach(b -> bids.computeIfPresent(b.bidId(),
                (id, bid) -> new Bid(bid.bidder(), b.amount())));
        return List.of("tenderUpdate");
    }

    private List<String> evaluated(SignedEntry entry) {
        reportSha256 = TenderEvaluated.from(entry).reportSha256();
        return List.of("tenderUpdate");
    }

    private List<String> awarded(SignedEntry entry, EntryHeader header) {
        award = TenderAwarded.from(entry);
        awardDate = header.businessDate();
        return List.of("award");
    }

    private List<String> awardNoticed(SignedEntry entry) {
        awardNotice = TenderAwardNoticed.from(entry);
        return List.of("awardUpdate");
    }

    private List<String> signed(SignedEntry entry, EntryHeader header) {
        contract = ContractSigned.from(entry);
        signedOn = header.businessDate();
        return List.of("awardUpdate", "contract");
    }

    private List<String> accepted(SignedEntry entry) {
        acceptance = ContractAccepted.from(entry);
        return List.of("implementationUpdate");
    }

    private List<String> settled(SignedEntry entry) {
        finalAccount = ContractFinalAccount.from(entry);
        return List.of("implementationUpdate");
    }

    private List<String> paid(SignedEntry entry) {
        Optional<ContractPayment> payment = ContractPayment.from(entry);
        if (contract == null || payment.isEmpty() || !payment.get().contractId().equals(contract.contractId())) {
            return List.of();
        }
        VoucherRecorded voucher = VoucherRecorded.from(entry);
        payments.put(voucher.voucherId(), new Payment(voucher.date(), voucher.total(Side.DEBIT)));
        return List.of("implementation");
    }

    private List<String> released(String voucherId) {
        return payments.remove(voucherId) == null ? List.of() : List.of("implementationUpdate");
    }

    /** Settled and paid in full: the contract has come to its close. */
    boolean terminated() {
        return finalAccount != null && paid().equals(finalAccount.finalAmount());
    }

    Money paid() {
        return payments.values().stream().map(Payment::amount).reduce(Money.ZERO, Money::plus);
    }

    String tenderId() {
        return tenderId;
    }

    BookOpened book() {
        return book;
    }

    TenderPublished tender() {
        return tender;
    }

    Map<String, Bid> bids() {
        return bids;
    }

    String reportSha256() {
        return reportSha256;
    }

    TenderAwarded award() {
        return award;
    }

    LocalDate awardDate() {
        return awardDate;
    }

    TenderAwardNoticed awardNotice() {
        return awardNotice;
    }

    ContractSigned contract() {
        return contract;
    }

    LocalDate signedOn() {
        return signedOn;
    }

    ContractAccepted acceptance() {
        return acceptance;
    }

    ContractFinalAccount finalAccount() {
        return finalAccount;
    }

    /** The payments not voided or reversed, by voucher, in the order recorded. */
    Map<String, Payment> payments() {
        return payments;
    }

    /**
     * A bid as far as it is known.
     *
     * @param bidder who bid
     * @param amount the opened amount, or null while sealed
     */
    record Bid(Bidder bidder, Money amount) {
    }

    /**
     * A payment voucher that pays the contract.
     *
     * @param date   the voucher's date
     * @param amount what it pays
     */
    record Payment(LocalDate date, Money amount) {
    }
}
