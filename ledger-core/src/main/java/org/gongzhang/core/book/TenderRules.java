package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.CREDIT_CODE_INVALID;
import static org.gongzhang.core.book.api.RefusalCode.DOCUMENT_SHA256_INVALID;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_AWARD_ABOVE_BUDGET;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_AWARD_AMOUNT_MISMATCH;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_AWARD_NOT_BEST_RANKED;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_BIDDER_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_BIDDER_NAME_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_BID_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_BID_LISTED_TWICE;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_BID_MISSING;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_BID_OUTSIDE_NOTICE;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_BID_SEAL_BROKEN;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_BID_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_DATE_BEFORE_PREVIOUS_STEP;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_DATE_IN_FUTURE;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_DOCUMENTS_EMPTY;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_DOCUMENT_NAME_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_ID_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_NOTICE_STARTS_BEFORE_ENTRY;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_NOTICE_TOO_SHORT;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_OPENING_EARLY;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_OPENING_NOT_AFTER_NOTICE;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_STEP_OUT_OF_ORDER;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_SUPERSEDED;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_TITLE_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_TOO_FEW_BIDS;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_UNKNOWN;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongzhang.core.book.TenderState.BidState;
import org.gongzhang.core.book.api.payload.Attachments.AttachedFile;
import org.gongzhang.core.book.api.payload.TenderAwardNoticed;
import org.gongzhang.core.book.api.payload.TenderAwarded;
import org.gongzhang.core.book.api.payload.TenderBidReceived;
import org.gongzhang.core.book.api.payload.TenderEvaluated;
import org.gongzhang.core.book.api.payload.TenderOpened;
import org.gongzhang.core.book.api.payload.TenderPublished;
import org.gongzhang.core.tender.CreditCode;

/**
 * 业标镇管: a tender runs published → bids received (sealed) → opened → evaluated → awarded →
 * award noticed, each step after the one before and dated by its entry's business date, never in
 * the future nor before the tender's previous step. Notices run at least {@value #MIN_NOTICE_DAYS}
 * days; bids arrive only during the notice; the opening comes on or after the announced day with at
 * least {@value #MIN_BIDS} bids, each revealed as sealed; the award goes to the best-ranked bid
 * within the budget, at its opened amount. A tender replaced after it failed takes no further step.
 */
final class TenderRules {

    /**
     * Shortest notice period, in days (noticeUntil ≥ noticeFrom + 5): tender documents are on offer
     * for at least 5 days (招标投标法实施条例 §16). The town's platform may not shorten it.
     */
    static final int MIN_NOTICE_DAYS = 5;
    /**
     * Shortest award notice (中标公示), in days. 招标投标法实施条例 §54 asks at least 3 days; the product
     * posts the award as long as the tender notice.
     */
    static final int MIN_AWARD_NOTICE_DAYS = 5;
    /** Fewest bids that may be opened: with fewer than 3 bidders the tender is repeated (实施条例 §44). */
    static final int MIN_BIDS = 3;

    static final String BUSINESS_DATE = "entry.businessDate";
    private static final String TENDER_ID = "entry.payload.tenderId";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Tenders tenders;
    private final LocalDate date;
    private final LocalDate today;

    /**
     * @param tenders the book's tenders
     * @param date    the entry's business date: the day the step happens
     * @param today   today on the compound's calendar
     */
    TenderRules(Tenders tenders, LocalDate date, LocalDate today) {
        this.tenders = tenders;
        this.date = date;
        this.today = today;
    }

    void published(TenderPublished tender) {
        if (tenders.tender(tender.tenderId()).isPresent()) {
            throw TENDER_ID_DUPLICATE.at(TENDER_ID, tender.tenderId());
        }
        dated(date, today, null);
        Require.nonBlank(tender.title(), TENDER_TITLE_BLANK, "entry.payload.title");
        documents(tender.documents());
        notice(tender.noticeFrom(), tender.noticeUntil(), MIN_NOTICE_DAYS);
        if (!tender.bidOpening().isAfter(tender.noticeUntil())) {
            throw TENDER_OPENING_NOT_AFTER_NOTICE.at("entry.payload.bidOpening", tender.bidOpening(), tender.noticeUntil());
        }
    }

    void bidReceived(TenderBidReceived bid) {
        TenderState tender = at(bid.tenderId(), TenderStage.PUBLISHED);
        if (date.isBefore(tender.noticeFromDate()) || date.isAfter(tender.noticeUntilDate())) {
            throw TENDER_BID_OUTSIDE_NOTICE.at(BUSINESS_DATE, date, tender.noticeFromDate(), tender.noticeUntilDate());
        }
        if (tender.bid(bid.bidId()).isPresent()) {
            throw TENDER_BID_DUPLICATE.at("entry.payload.bidId", bid.bidId());
        }
        Require.nonBlank(bid.bidder().name(), TENDER_BIDDER_NAME_BLANK, "entry.payload.bidder.name");
        String creditCode = bid.bidder().creditCode();
        if (!CreditCode.isValid(creditCode)) {
            throw CREDIT_CODE_INVALID.at("entry.payload.bidder.creditCode", creditCode);
        }
        if (tender.bids().values().stream().anyMatch(b -> b.creditCode().equals(creditCode))) {
            throw TENDER_BIDDER_DUPLICATE.at("entry.payload.bidder.creditCode", creditCode);
        }
        sha256(bid.sealedSha256(), "entry.payload.sealedSha256");
    }

    void opened(TenderOpened opening) {
        TenderState tender = at(opening.tenderId(), TenderStage.PUBLISHED);
        if (date.isBefore(tender.bidOpeningDate())) {
            throw TENDER_OPENING_EARLY.at(BUSINESS_DATE, date, tender.bidOpeningDate());
        }
        if (tender.bids().size() < MIN_BIDS) {
            throw TENDER_TOO_FEW_BIDS.at(TENDER_ID, tender.bids().size(), MIN_BIDS);
        }
        everyBid(tender, opening.bids().stream().map(TenderOpened.RevealedBid::bidId).toList(), "entry.payload.bids",
                ".bidId");
        for (int i = 0; i < opening.bids().size(); i++) {
            TenderOpened.RevealedBid revealed = opening.bids().get(i);
            String at = "entry.payload.bids[" + i + "].revealedSha256";
            sha256(revealed.revealedSha256(), at);
            String sealed = tender.bid(revealed.bidId()).orElseThrow().sealedSha256();
            if (!sealed.equals(revealed.revealedSha256())) {
                throw TENDER_BID_SEAL_BROKEN.at(at, revealed.bidId(), sealed);
            }
        }
    }

    void evaluated(TenderEvaluated evaluation) {
        TenderState tender = at(evaluation.tenderId(), TenderStage.OPENED);
        everyBid(tender, evaluation.ranking(), "entry.payload.ranking", "");
        sha256(evaluation.reportSha256(), "entry.payload.reportSha256");
    }

    void awarded(TenderAwarded award) {
        TenderState tender = at(award.tenderId(), TenderStage.EVALUATED);
        BidState bid = tender.bid(award.bidId())
                .orElseThrow(() -> TENDER_BID_UNKNOWN.at("entry.payload.bidId", award.bidId()));
        if (!award.amount().equals(bid.amount())) {
            throw TENDER_AWARD_AMOUNT_MISMATCH.at("entry.payload.amount", award.amount(), bid.amount());
        }
        if (award.amount().compareTo(tender.budget()) > 0) {
            throw TENDER_AWARD_ABOVE_BUDGET.at("entry.payload.amount", award.amount(), tender.budget());
        }
        String best = tender.ranking().stream()
                .filter(id -> tender.bid(id).orElseThrow().amount().compareTo(tender.budget()) <= 0)
                .findFirst().orElseThrow();
        if (!best.equals(award.bidId())) {
            throw TENDER_AWARD_NOT_BEST_RANKED.at("entry.payload.bidId", best);
        }
    }

    void awardNoticed(TenderAwardNoticed notice) {
        at(notice.tenderId(), TenderStage.AWARDED);
        notice(notice.noticeFrom(), notice.noticeUntil(), MIN_AWARD_NOTICE_DAYS);
    }

    /** A step's business date: not after today, and not before the previous step (if any). */
    static void dated(LocalDate date, LocalDate today, LocalDate previousStep) {
        if (date.isAfter(today)) {
            throw TENDER_DATE_IN_FUTURE.at(BUSINESS_DATE, date, today);
        }
        if (previousStep != null && date.isBefore(previousStep)) {
            throw TENDER_DATE_BEFORE_PREVIOUS_STEP.at(BUSINESS_DATE, date, previousStep);
        }
    }

    /** A file cited by its lowercase hex SHA-256. */
    static void sha256(String hex, String field) {
        if (!SHA256.matcher(hex).matches()) {
            throw DOCUMENT_SHA256_INVALID.at(field);
        }
    }

    private TenderState at(String tenderId, TenderStage expected) {
        TenderState tender = tenders.tender(tenderId).orElseThrow(() -> TENDER_UNKNOWN.at(TENDER_ID, tenderId));
        if (tender.supersededBy() != null) {
            throw TENDER_SUPERSEDED.at(TENDER_ID, tenderId, tender.supersededBy());
        }
        if (tender.stage() != expected) {
            throw TENDER_STEP_OUT_OF_ORDER.at(TENDER_ID, tenderId, tender.stage().label());
        }
        dated(date, today, tender.lastStepDate());
        return tender;
    }

    private void notice(LocalDate from, LocalDate until, int days) {
        if (from.isBefore(date)) {
            throw TENDER_NOTICE_STARTS_BEFORE_ENTRY.at("entry.payload.noticeFrom", from, date);
        }
        if (until.isBefore(from.plusDays(days))) {
            throw TENDER_NOTICE_TOO_SHORT.at("entry.payload.noticeUntil", days, from.plusDays(days));
        }
    }

    private static void documents(List<AttachedFile> documents) {
        if (documents.isEmpty()) {
            throw TENDER_DOCUMENTS_EMPTY.at("entry.payload.documents");
        }
        for (int i = 0; i < documents.size(); i++) {
            String at = "entry.payload.documents[" + i + "]";
            sha256(documents.get(i).sha256(), at + ".sha256");
            Require.nonBlank(documents.get(i).name(), TENDER_DOCUMENT_NAME_BLANK, at + ".name");
        }
    }

    /** {@code listed} names every bid of the tender once, and nothing else. */
    private static void everyBid(TenderState tender, List<String> listed, String field, String suffix) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            String bidId = listed.get(i);
            String at = field + "[" + i + "]" + suffix;
            if (tender.bid(bidId).isEmpty()) {
                throw TENDER_BID_UNKNOWN.at(at, bidId);
            }
            if (!seen.add(bidId)) {
                throw TENDER_BID_LISTED_TWICE.at(at, bidId);
            }
        }
        tender.bids().keySet().stream().filter(id -> !seen.contains(id)).findFirst().ifPresent(missing -> {
            throw TENDER_BID_MISSING.at(field, missing);
        });
    }
}
