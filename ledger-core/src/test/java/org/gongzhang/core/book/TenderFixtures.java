package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.core.book.BookFixtures.Signer;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.verifier.entry.Role;

/**
 * Test data for tenders (业标镇管) on top of {@link BookFixtures}: 孙浩 of 北山街道 runs the tender
 * platform, 周建国 chairs the owners' committee. The default tender, 兰园小区外墙修缮 (works, budget
 * 120,000.00, serving no request unless told), is published on 2026-03-02 with a notice until 2026-03-07 and opening on 2026-03-09;
 * three companies bid 98,000.00 (b1), 95,000.00 (b2) and 130,000.00 (b3, above the budget); the
 * evaluation ranks b3, b1, b2, so b1 wins. Each step's business date is given, all before the
 * clock's 2026-04-02.
 */
final class TenderFixtures {

    static final String TENDER = "t-2026-001";
    static final String CONTRACT = "c-2026-001";
    static final String[] BIDDERS = {"91330106MA2B00001Y", "91330106MA2B000022", "91330106MA2B000035"};
    static final String[] NAMES = {"杭州安居建设有限公司", "浙江恒固建筑工程有限公司", "杭州北山装饰工程有限公司"};
    static final String[] AMOUNTS = {"98000.00", "95000.00", "130000.00"};
    static final String AWARDED = "98000.00";

    final BookFixtures fx;
    final Signer officer;
    final Signer chair;
    private boolean works = true;
    private String requestId;
    private boolean bookOpenedElsewhere;

    TenderFixtures(BookFixtures fx) {
        this.fx = fx;
        this.officer = fx.signer("town:sun-hao", Role.TOWN_OFFICER, "孙浩");
        this.chair = fx.signer("committee:lanyuan-chair", Role.COMMITTEE_CHAIR, "周建国");
    }

    /** The default tender as services (not works): no final-account audit. */
    TenderFixtures services() {
        works = false;
        return this;
    }

    /**
     * The steps go on a book opened elsewhere, where the officer's and the chair's keys are
     * registered: {@link #bidsReceived()} and the lists after it leave out {@link #book()}.
     */
    TenderFixtures onBookOpenedElsewhere() {
        bookOpenedElsewhere = true;
        return this;
    }

    /** The default tender serving expenditure request {@code id}. */
    TenderFixtures serving(String id) {
        requestId = id;
        return this;
    }

    /** A hash of the given hex digit repeated: distinct files for distinct digits. */
    static String sha(char digit) {
        return String.valueOf(digit).repeat(64);
    }

    /** The sealed file of bid {@code b1}, {@code b2} …: hashes 1…1, 2…2 … */
    static String sealed(int bid) {
        return sha(Character.forDigit(bid, 10));
    }

    /** Opens the book and registers the officer's and the chair's keys. */
    Object[] book() {
        return new Object[] {fx.open(), fx.register(officer), fx.register(chair)};
    }

    /** Signs the next entry with the given business date. */
    AppendEntryCommand on(String date, Signer signer, String kind, ObjectNode payload) {
        return fx.append(fx.entry(signer, kind, payload, e -> e.put("businessDate", date)));
    }

    /** The default tender, serving no expenditure request. */
    static ObjectNode tender() {
        ObjectNode p = json().put("tenderId", TENDER).putNull("requestId").put("title", "兰园小区外墙修缮")
                .put("description", "3、5、7幢外墙空鼓修补及防水").put("budget", "120000.00").put("works", true)
                .put("noticeFrom", "2026-03-02").put("noticeUntil", "2026-03-07").put("bidOpening", "2026-03-09");
        p.putArray("documents").addObject().put("sha256", sha('a')).put("name", "招标文件.pdf");
        return p;
    }

    AppendEntryCommand publish(ObjectNode tender) {
        return on("2026-03-02", officer, "tender.published", tender);
    }

    AppendEntryCommand publish() {
        return publish(tender().put("works", works).put("requestId", requestId));
    }

    static ObjectNode bid(int bid) {
        ObjectNode p = json().put("tenderId", TENDER).put("bidId", "b" + bid).put("sealedSha256", sealed(bid));
        p.putObject("bidder").put("name", NAMES[bid - 1]).put("creditCode", BIDDERS[bid - 1]);
        return p;
    }

    AppendEntryCommand receive(ObjectNode bid, String date) {
        return on(date, officer, "tender.bid-received", bid);
    }

    AppendEntryCommand receive(int bid) {
        return receive(bid(bid), "2026-03-0" + (bid + 2));
    }

    /** The opening payload revealing bids 1 … n as sealed, at their amounts. */
    static ObjectNode opening(int bids) {
        ObjectNode p = json().put("tenderId", TENDER);
        ArrayNode array = p.putArray("bids");
        for (int bid = 1; bid <= bids; bid++) {
            array.addObject().put("bidId", "b" + bid).put("amount", AMOUNTS[bid - 1]).put("revealedSha256", sealed(bid));
        }
        return p;
    }

    AppendEntryCommand open(ObjectNode opening, String date) {
        return on(date, officer, "tender.opened", opening);
    }

    static ObjectNode ranking(String... bidIds) {
        ObjectNode p = json().put("tenderId", TENDER).put("reportSha256", sha('e'));
        ArrayNode ranking = p.putArray("ranking");
        for (String bidId : bidIds) {
            ranking.add(bidId);
        }
        return p;
    }

    AppendEntryCommand evaluate(ObjectNode ranking) {
        return on("2026-03-10", officer, "tender.evaluated", ranking);
    }

    static ObjectNode award(String bidId, String amount) {
        return json().put("tenderId", TENDER).put("bidId", bidId).put("amount", amount);
    }

    AppendEntryCommand award(ObjectNode award) {
        return on("2026-03-11", officer, "tender.awarded", award);
    }

    static ObjectNode awardNotice(String from, String until) {
        return json().put("tenderId", TENDER).put("noticeFrom", from).put("noticeUntil", until);
    }

    AppendEntryCommand noticeAward(ObjectNode notice) {
        return on("2026-03-11", officer, "tender.award-noticed", notice);
    }

    static ObjectNode contract() {
        ObjectNode p = json().put("contractId", CONTRACT).put("tenderId", TENDER).put("amount", AWARDED)
                .put("documentSha256", sha('c'));
        p.putObject("supplier").put("name", NAMES[0]).put("creditCode", BIDDERS[0]);
        return p;
    }

    AppendEntryCommand sign(ObjectNode contract, String date) {
        return on(date, chair, "contract.signed", contract);
    }

    AppendEntryCommand accept(String date) {
        return on(date, chair, "contract.accepted",
                json().put("contractId", CONTRACT).put("acceptanceSha256", sha('d')).put("date", date));
    }

    static ObjectNode finalAccount(String amount, String auditReport) {
        return json().put("contractId", CONTRACT).put("finalAmount", amount).put("auditReportSha256", auditReport);
    }

    AppendEntryCommand settle(ObjectNode finalAccount) {
        return on("2026-03-28", fx.auditor, "contract.final-account", finalAccount);
    }

    /** 付外墙修缮工程款: expense 510103 debit, bank 100201 credit, paying the contract. */
    static ObjectNode payment(String voucherId, String date, String amount) {
        ObjectNode v = BookFixtures.voucher(voucherId, date, line("510103", "debit", amount), line("100201", "credit", amount));
        v.put("word", "付").putObject("payment").put("contract", CONTRACT);
        return v;
    }

    private static ObjectNode line(String account, String side, String amount) {
        return json().put("summary", "付外墙修缮工程款").put("account", account).put(side, amount);
    }

    /** The book, the tender published and the three bids received. */
    Object[] bidsReceived() {
        List<Object> steps = new ArrayList<>(bookOpenedElsewhere ? List.of() : List.of(book()));
        steps.add(publish());
        steps.add(receive(1));
        steps.add(receive(2));
        steps.add(receive(3));
        return steps.toArray();
    }

    /** {@link #bidsReceived()}, then opened on 2026-03-09 and evaluated b3, b1, b2. */
    Object[] evaluated() {
        List<Object> steps = new ArrayList<>(List.of(bidsReceived()));
        steps.add(open(opening(3), "2026-03-09"));
        steps.add(evaluate(ranking("b3", "b1", "b2")));
        return steps.toArray();
    }

    /** {@link #evaluated()}, then awarded to b1 and posted from 2026-03-11 to 2026-03-16. */
    Object[] awardNoticed() {
        List<Object> steps = new ArrayList<>(List.of(evaluated()));
        steps.add(award(award("b1", AWARDED)));
        steps.add(noticeAward(awardNotice("2026-03-11", "2026-03-16")));
        return steps.toArray();
    }

    /** {@link #awardNoticed()}, then the contract signed on 2026-03-17. */
    Object[] contracted() {
        List<Object> steps = new ArrayList<>(List.of(awardNoticed()));
        steps.add(sign(contract(), "2026-03-17"));
        return steps.toArray();
    }
}
