package org.gongzhang.core.book;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.core.book.api.payload.Bidder;
import org.gongzhang.core.book.api.payload.TenderPublished;
import org.gongzhang.core.money.Money;

/**
 * What the book remembers of one tender: the request it serves, and enough to order its steps,
 * receive, open and rank its bids, award one and contract it. Dates are ISO text, as in
 * {@link VoucherState}.
 *
 * @param stage            how far it has come
 * @param requestId        the expenditure request (支出申请) it serves, or null
 * @param budget           最高投标限价
 * @param works            true for works (工程)
 * @param noticeFrom       first day of the notice period
 * @param noticeUntil      last day of the notice period
 * @param bidOpening       开标日期
 * @param lastStep         business date of its latest step
 * @param bids             the bids by id, in the order received
 * @param ranking          the evaluation's ranking, best first; empty before
 * @param awardedBid       the winning bid, or null
 * @param awardNoticeUntil last day of the award notice (中标公示), or null
 * @param contractId       its contract, or null
 * @param supersededBy     the tender that replaced it after it failed (流标), or null
 */
record TenderState(TenderStage stage, String requestId, Money budget, boolean works, String noticeFrom,
        String noticeUntil, String bidOpening, String lastStep, Map<String, BidState> bids, List<String> ranking,
        String awardedBid, String awardNoticeUntil, String contractId, String supersededBy) {

    static TenderState published(TenderPublished tender, LocalDate date) {
        return new TenderState(TenderStage.PUBLISHED, tender.requestId(), tender.budget(), tender.works(),
                tender.noticeFrom().toString(), tender.noticeUntil().toString(), tender.bidOpening().toString(),
                date.toString(), Map.of(), List.of(), null, null, null, null);
    }

    /**
     * 流标 as of {@code date}: the notice ended before that day with fewer than {@value TenderRules#MIN_BIDS}
     * bids, so the tender cannot be opened. Another tender may then serve its request.
     */
    boolean failed(LocalDate date) {
        return stage == TenderStage.PUBLISHED && date.isAfter(noticeUntilDate()) && bids.size() < TenderRules.MIN_BIDS;
    }

    LocalDate noticeFromDate() {
        return LocalDate.parse(noticeFrom);
    }

    LocalDate noticeUntilDate() {
        return LocalDate.parse(noticeUntil);
    }

    LocalDate bidOpeningDate() {
        return LocalDate.parse(bidOpening);
    }

    LocalDate lastStepDate() {
        return LocalDate.parse(lastStep);
    }

    LocalDate awardNoticeUntilDate() {
        return LocalDate.parse(awardNoticeUntil);
    }

    Optional<BidState> bid(String bidId) {
        return Optional.ofNullable(bids.get(bidId));
    }

    /** The awarded bid; present from {@link TenderStage#AWARDED} on. */
    BidState award() {
        return bids.get(awardedBid);
    }

    TenderState bidReceived(String bidId, Bidder bidder, String sealedSha256, LocalDate date) {
        Map<String, BidState> more = new LinkedHashMap<>(bids);
        more.put(bidId, new BidState(bidder.name(), bidder.creditCode(), sealedSha256, null));
        return new TenderState(stage, requestId, budget, works, noticeFrom, noticeUntil, bidOpening, date.toString(), more,
                ranking, awardedBid, awardNoticeUntil, contractId, supersededBy);
    }

    TenderState opened(Map<String, Money> amounts, LocalDate date) {
        Map<String, BidState> opened = new LinkedHashMap<>();
        bids.forEach((id, bid) -> opened.put(id, bid.opened(amounts.get(id))));
        return new TenderState(TenderStage.OPENED, requestId, budget, works, noticeFrom, noticeUntil, bidOpening,
                date.toString(), opened, ranking, awardedBid, awardNoticeUntil, contractId, supersededBy);
    }

    TenderState evaluated(List<String> ranked, LocalDate date) {
        return new TenderState(TenderStage.EVALUATED, requestId, budget, works, noticeFrom, noticeUntil, bidOpening,
                date.toString(), bids, List.copyOf(ranked), awardedBid, awardNoticeUntil, contractId, supersededBy);
    }

    TenderState awarded(String bidId, LocalDate date) {
        return new TenderState(TenderStage.AWARDED, requestId, budget, works, noticeFrom, noticeUntil, bidOpening,
                date.toString(), bids, ranking, bidId, awardNoticeUntil, contractId, supersededBy);
    }

    TenderState awardNoticed(LocalDate until, LocalDate date) {
        return new TenderState(TenderStage.AWARD_NOTICED, requestId, budget, works, noticeFrom, noticeUntil, bidOpening,
                date.toString(), bids, ranking, awardedBid, until.toString(), contractId, supersededBy);
    }

    TenderState contracted(String contract, LocalDate date) {
        return new TenderState(TenderStage.CONTRACTED, requestId, budget, works, noticeFrom, noticeUntil, bidOpening,
                date.toString(), bids, ranking, awardedBid, awardNoticeUntil, contract, supersededBy);
    }

    /** Failed and replaced by tender {@code by} for the same request: it takes no further step. */
    TenderState supersede(String by) {
        return new TenderState(stage, requestId, budget, works, noticeFrom, noticeUntil, bidOpening, lastStep, bids,
                ranking, awardedBid, awardNoticeUntil, contractId, by);
    }

    /**
     * One bid: who bid, the SHA-256 sealed at receipt and, once opened, its amount (投标报价).
     *
     * @param name         the bidder's name
     * @param creditCode   the bidder's 统一社会信用代码
     * @param sealedSha256 SHA-256 of the sealed bid file
     * @param amount       the opened amount, or null while sealed
     */
    record BidState(String name, String creditCode, String sealedSha256, Money amount) {

        BidState opened(Money opened) {
            return new BidState(name, creditCode, sealedSha256, opened);
        }
    }
}
