package org.gongzhang.reporting.ocds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.crypto.SigningKey;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * A book's log holding one whole tender of 兰园小区, as the ledger would have accepted it: 外墙修缮
 * (works, budget 120,000.00) published by 北山街道, three sealed bids, opening, evaluation, the award
 * to 杭州安居建设有限公司 at 98,000.00, its notice, the contract, a first payment of 50,000.00, a
 * payment of 1,000.00 recorded and voided, acceptance, the audited final account and the last
 * payment of 48,000.00. Another tender and a parking-fee voucher are interleaved and belong to no
 * release. Each entry is recorded at 10:00 Beijing time on its business date.
 */
final class TenderLog {

    static final String BOOK = "lanyuan-public";
    static final String TENDER = "t-2026-001";
    static final String CONTRACT = "c-2026-001";
    static final String[] BIDDERS = {"91330106MA2B00001Y", "91330106MA2B000022", "91330106MA2B000035"};
    static final String[] NAMES = {"杭州安居建设有限公司", "浙江恒固建筑工程有限公司", "杭州北山装饰工程有限公司"};
    static final String[] AMOUNTS = {"98000.00", "95000.05", "130000.00"};

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final SigningKey key = SigningKey.generate(SignatureSuite.ED25519);
    private final List<SignedEntry> entries = new ArrayList<>();

    static TenderLog wholeTender() {
        TenderLog log = new TenderLog();
        log.append("2026-03-01", "book.opened", Role.AGENT_PREPARER, genesis());
        log.append("2026-03-02", "tender.published", Role.TOWN_OFFICER, tender(TENDER, "兰园小区外墙修缮"));
        log.append("2026-03-02", "tender.published", Role.TOWN_OFFICER, tender("t-2026-002", "兰园小区道闸更换"));
        for (int bid = 1; bid <= 3; bid++) {
            ObjectNode p = json().put("tenderId", TENDER).put("bidId", "b" + bid).put("sealedSha256", sha(bid));
            p.putObject("bidder").put("name", NAMES[bid - 1]).put("creditCode", BIDDERS[bid - 1]);
            log.append("2026-03-0" + (bid + 2), "tender.bid-received", Role.TOWN_OFFICER, p);
        }
        ObjectNode opening = json().put("tenderId", TENDER);
        for (int bid = 1; bid <= 3; bid++) {
            opening.withArray("bids").addObject().put("bidId", "b" + bid).put("amount", AMOUNTS[bid - 1])
                    .put("revealedSha256", sha(bid));
        }
        log.append("2026-03-09", "tender.opened", Role.TOWN_OFFICER, opening);
        ObjectNode ranking = json().put("tenderId", TENDER).put("reportSha256", sha(5));
        ranking.putArray("ranking").add("b3").add("b1").add("b2");
        log.append("2026-03-10", "tender.evaluated", Role.TOWN_OFFICER, ranking);
        log.append("2026-03-11", "tender.awarded", Role.TOWN_OFFICER,
                json().put("tenderId", TENDER).put("bidId", "b1").put("amount", AMOUNTS[0]));
        log.append("2026-03-11", "tender.award-noticed", Role.TOWN_OFFICER,
                json().put("tenderId", TENDER).put("noticeFrom", "2026-03-11").put("noticeUntil", "2026-03-16"));
        ObjectNode contract = json().put("contractId", CONTRACT).put("tenderId", TENDER).put("amount", AMOUNTS[0])
                .put("documentSha256", sha(6));
        contract.putObject("supplier").put("name", NAMES[0]).put("creditCode", BIDDERS[0]);
        log.append("2026-03-17", "contract.signed", Role.COMMITTEE_CHAIR, contract);
        log.append("2026-03-18", "voucher.recorded", Role.AGENT_PREPARER, payment("p1", "2026-03-18", "50000.00"));
        log.append("2026-03-19", "voucher.recorded", Role.AGENT_PREPARER, parkingFee("v-parking"));
        log.append("2026-03-20", "voucher.recorded", Role.AGENT_PREPARER, payment("p-wrong", "2026-03-20", "1000.00"));
        log.append("2026-03-20", "voucher.voided", Role.AGENT_PREPARER,
                json().put("voucherId", "p-wrong").put("reason", "重复录入"));
        log.append("2026-03-25", "contract.accepted", Role.COMMITTEE_CHAIR,
                json().put("contractId", CONTRACT).put("acceptanceSha256", sha(7)).put("date", "2026-03-25"));
        log.append("2026-03-28", "contract.final-account", Role.COMMUNITY_AUDITOR,
                json().put("contractId", CONTRACT).put("finalAmount", AMOUNTS[0]).put("auditReportSha256", sha(8)));
        log.append("2026-03-30", "voucher.recorded", Role.AGENT_PREPARER, payment("p2", "2026-03-30", "48000.00"));
        return log;
    }

    List<SignedEntry> entries() {
        return List.copyOf(entries);
    }

    static String sha(int digit) {
        return String.valueOf(digit).repeat(64);
    }

    private void append(String businessDate, String kind, Role role, ObjectNode payload) {
        LocalDate date = LocalDate.parse(businessDate);
        Instant recordedAt = date.atTime(10, 0).atZone(BEIJING).toInstant().plus(Duration.ofSeconds(entries.size()));
        String prev = entries.isEmpty() ? SignedEntry.GENESIS_PREV : entries.get(entries.size() - 1).hash();
        EntryDraft draft = new EntryDraft(BOOK, entries.size(), prev, kind, role.name().toLowerCase() + ":someone", role,
                key.keyId(), key.suite(), false, UUID.randomUUID().toString(), recordedAt, date, payload);
        entries.add(draft.sign(key.privateKey()));
    }

    private static ObjectNode genesis() {
        ObjectNode p = json();
        p.putObject("compound").put("id", "lanyuan").put("name", "兰园小区");
        p.putObject("community").put("id", "xinhe").put("name", "新河社区");
        p.putObject("street").put("id", "beishan").put("name", "北山街道");
        p.put("fund", "PUBLIC_INCOME").put("name", "兰园小区公共收益账套").put("startPeriod", "2026-03");
        p.set("accounts", ChartOfAccounts.defaultPublicIncome().toPayload());
        p.putArray("keys");
        return p;
    }

    private static ObjectNode tender(String tenderId, String title) {
        ObjectNode p = json().put("tenderId", tenderId).put("requestId", "r-2026-007").put("title", title)
                .put("description", "3、5、7幢外墙空鼓修补及防水").put("budget", "120000.00").put("works", true)
                .put("noticeFrom", "2026-03-02").put("noticeUntil", "2026-03-07").put("bidOpening", "2026-03-09");
        p.putArray("documents").addObject().put("sha256", sha(9)).put("name", "招标文件.pdf");
        return p;
    }

    private static ObjectNode payment(String voucherId, String date, String amount) {
        ObjectNode v = voucher(voucherId, date, "付外墙修缮工程款", "510103", "100201", amount);
        v.putObject("payment").put("contract", CONTRACT);
        return v;
    }

    private static ObjectNode parkingFee(String voucherId) {
        return voucher(voucherId, "2026-03-19", "收3月停车费", "100201", "470101", "12345.67");
    }

    private static ObjectNode voucher(String voucherId, String date, String summary, String debit, String credit,
            String amount) {
        ObjectNode v = json().put("voucherId", voucherId).put("word", "记").put("date", date);
        v.putObject("attachments").put("count", 0).putArray("files");
        v.putNull("corrects");
        ArrayNode lines = v.putArray("lines");
        lines.addObject().put("summary", summary).put("account", debit).put("debit", amount);
        lines.addObject().put("summary", summary).put("account", credit).put("credit", amount);
        return v;
    }

    private static ObjectNode json() {
        return CanonicalJson.mapper().createObjectNode();
    }
}
