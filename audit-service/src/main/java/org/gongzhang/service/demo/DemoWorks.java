package org.gongzhang.service.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.UUID;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.governance.Governance;
import org.gongzhang.service.governance.GovernanceQueries;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Acting;
import org.gongzhang.service.security.Users;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.Role;

/**
 * 兰园小区外墙修缮, a works project of ¥180,000 from the request to its last payment (业财社管 →
 * 业标镇管): a committee member asks for it; the owners decide it by §278 (a tally that passes) and
 * the chair records the decision and takes the assembly step on it; the community auditor reviews;
 * the town's platform tenders it for the request, three companies bid, the best-ranked within the
 * budget wins, the award is posted and the chair signs the contract; the agent pays an advance and a
 * progress payment against the contract, the chair accepts the works (验收), the auditor records the
 * audited final account (决算) and the agent makes the last payment. Every step happens on its own day
 * of the last nine weeks, each after the one before, so that every notice has run; the payments
 * fall in the two periods still open.
 *
 * <p>The service dates requests, decisions and payments today, so their entries are signed here with
 * the day they happened; the tender steps go through {@link Governance#tenderStep}, which takes it.
 */
final class DemoWorks {

    static final String TENDER = "t-lanyuan-waiqiang";
    static final String CONTRACT = "c-lanyuan-waiqiang";
    static final String DECISION = "d-lanyuan-waiqiang";
    static final String AMOUNT = "180000.00";

    private static final String[] CODES = {"91330106MA2B00001Y", "91330106MA2B000022", "91330106MA2B000035"};
    private static final String[] BIDDERS = {"杭州安居建设有限公司", "浙江恒远建设有限公司", "杭州城建修缮有限公司"};
    private static final String[] BIDS = {"168000.00", "152000.00", "179500.00"};
    private static final String WINNER = BIDDERS[1];
    private static final String FINAL_AMOUNT = "149860.00";
    private static final String ACCOUNT = "510101";
    private static final String BANK = "100201";

    private final Users users;
    private final Governance governance;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private final BookSummary book;
    private final LocalDate today;
    private final DemoPostings postings;

    DemoWorks(Users users, Governance governance, CustodialKeys keys, CustodialSigner signer, BookSummary book,
            LocalDate today, DemoPostings postings) {
        this.postings = postings;
        this.users = users;
        this.governance = governance;
        this.keys = keys;
        this.signer = signer;
        this.book = book;
        this.today = today;
    }

    void write(GovernanceQueries.Ruleset rules) {
        String requestId = request(rules);
        tender(requestId);
        contract();
        payments();
    }

    /** Raised by the committee member, decided by the owners, approved at the assembly and community steps. */
    private String request(GovernanceQueries.Ruleset rules) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode raised = json().put("requestId", requestId).put("amount", AMOUNT)
                .put("purpose", "兰园小区外墙维修：3、5、7幢外墙空鼓修补及防水").put("account", ACCOUNT);
        raised.putObject("payee").put("type", "COMPANY").put("name", "经公开招标确定的施工单位");
        raised.put("matter", "ORDINARY").put("works", true);
        raised.putArray("quotes").addObject().put("sha256", hex('a')).put("name", "外墙修缮工程预算书.pdf");
        raised.putArray("documents").addObject().put("sha256", hex('9')).put("name", "外墙空鼓检测报告.pdf");
        sign("committee:lanyuan-member", Role.COMMITTEE_MEMBER, "request.raised", 62, raised);

        ObjectNode decision = json().put("decisionId", DECISION).put("matter", "ORDINARY")
                .put("subject", "使用公共收益维修3、5、7幢外墙（18万元，经镇公共招投标平台招标）").put("requestId", requestId);
        tally(decision, "roll", 412, "36820.50");
        tally(decision, "participating", 318, "29104.20");
        tally(decision, "for", 251, "23016.80");
        tally(decision, "against", 41, "3702.40");
        tally(decision, "abstain", 26, "2385.00");
        decision.put("rollSha256", hex('b')).put("result", "PASSED");
        sign("committee:lanyuan-chair", Role.COMMITTEE_CHAIR, "decision.recorded", 58, decision);

        sign("committee:lanyuan-chair", Role.COMMITTEE_CHAIR, "request.approved", 57,
                step(rules, requestId, "ASSEMBLY").put("decisionId", DECISION));
        sign("community:zhao-min", Role.COMMUNITY_AUDITOR, "request.approved", 55,
                step(rules, requestId, "COMMUNITY").putNull("decisionId"));
        return requestId;
    }

    /** The town's platform tenders the request: notice, three sealed bids, opening, ranking, award and its notice. */
    private void tender(String requestId) {
        Acting officer = acting("sun-hao", AccessRole.TOWN_OFFICER);
        ObjectNode notice = json().put("tenderId", TENDER).put("requestId", requestId)
                .put("title", "兰园小区外墙修缮工程").put("description", "3、5、7幢外墙空鼓修补及防水")
                .put("budget", AMOUNT).put("works", true)
                .put("noticeFrom", day(34)).put("noticeUntil", day(27)).put("bidOpening", day(26));
        notice.putArray("documents").addObject().put("sha256", hex('d')).put("name", "招标文件.pdf");
        tenderStep(officer, "tender.published", notice, 34);
        ObjectNode opened = json().put("tenderId", TENDER);
        for (int i = 0; i < 3; i++) {
            ObjectNode bid = json().put("tenderId", TENDER).put("bidId", "b" + (i + 1));
            bid.putObject("bidder").put("name", BIDDERS[i]).put("creditCode", CODES[i]);
            bid.put("sealedSha256", hex((char) ('1' + i)));
            tenderStep(officer, "tender.bid-received", bid, 31 - i);
            opened.withArray("bids").addObject().put("bidId", "b" + (i + 1)).put("amount", BIDS[i])
                    .put("revealedSha256", hex((char) ('1' + i)));
        }
        tenderStep(officer, "tender.opened", opened, 26);
        ObjectNode evaluated = json().put("tenderId", TENDER);
        evaluated.putArray("ranking").add("b2").add("b1").add("b3");
        evaluated.put("reportSha256", hex('e'));
        tenderStep(officer, "tender.evaluated", evaluated, 24);
        tenderStep(officer, "tender.awarded", json().put("tenderId", TENDER).put("bidId", "b2").put("amount", BIDS[1]),
                23);
        tenderStep(officer, "tender.award-noticed", json().put("tenderId", TENDER).put("noticeFrom", day(22))
                .put("noticeUntil", day(16)), 22);
    }

    /** The chair signs with the awarded company once the award notice has ended. */
    private void contract() {
        ObjectNode contract = json().put("contractId", CONTRACT).put("tenderId", TENDER);
        contract.putObject("supplier").put("name", WINNER).put("creditCode", CODES[1]);
        contract.put("amount", BIDS[1]).put("documentSha256", hex('c'));
        tenderStep(acting("lanyuan-chair", AccessRole.COMMITTEE_CHAIR), "contract.signed", contract, 14);
    }

    /** Advance and progress payment, 验收, the audited 决算 below the contract, and the last payment. */
    private void payments() {
        pay(12, "付外墙修缮工程预付款", "45600.00");
        pay(8, "付外墙修缮工程进度款", "60800.00");
        tenderStep(acting("lanyuan-chair", AccessRole.COMMITTEE_CHAIR), "contract.accepted", json()
                .put("contractId", CONTRACT).put("acceptanceSha256", hex('7')).put("date", day(6)), 6);
        tenderStep(acting("zhao-min", AccessRole.COMMUNITY_AUDITOR), "contract.final-account", json()
                .put("contractId", CONTRACT).put("finalAmount", FINAL_AMOUNT).put("auditReportSha256", hex('f')), 4);
        pay(2, "付外墙修缮工程结算尾款", "43460.00");
    }

    /**
     * The agent's preparer records the payment against the contract; the agent's reviewer reviews and
     * posts it (in date order with the period's other vouchers, {@link DemoPostings}). The summary is short enough for one line of the printed statement's itemised spending.
     */
    private void pay(int daysAgo, String summary, String amount) {
        DemoVoucher voucher = new DemoVoucher("付", today.minusDays(daysAgo)).debit(summary, ACCOUNT, amount)
                .credit(summary, BANK, amount);
        voucher.payload().putObject("payment").put("contract", CONTRACT);
        sign("agent:li-na", Role.AGENT_PREPARER, "voucher.recorded", daysAgo, voucher.payload());
        ObjectNode id = json().put("voucherId", voucher.id());
        sign("agent:wang-qiang", Role.AGENT_REVIEWER, "voucher.reviewed", daysAgo, id);
        postings.post(keys.forActor("agent:wang-qiang", Role.AGENT_REVIEWER), book.book(), voucher.id(), voucher.date());
    }

    private static ObjectNode step(GovernanceQueries.Ruleset rules, String requestId, String step) {
        return json().put("requestId", requestId).put("step", step).put("ruleset", rules.ruleset())
                .put("rulesetVersion", rules.version());
    }

    private static void tally(ObjectNode decision, String field, int owners, String area) {
        decision.putObject(field).put("owners", owners).put("area", area);
    }

    private void sign(String actor, Role role, String kind, int daysAgo, ObjectNode payload) {
        signer.submit(keys.forActor(actor, role), book.book(), kind, today.minusDays(daysAgo), payload);
    }

    private void tenderStep(Acting acting, String kind, ObjectNode payload, int daysAgo) {
        governance.tenderStep(acting, kind, payload.put("businessDate", day(daysAgo)));
    }

    private Acting acting(String username, AccessRole role) {
        return new Acting(users.find(username).orElseThrow(), role, book);
    }

    private String day(int daysAgo) {
        return today.minusDays(daysAgo).toString();
    }

    private static ObjectNode json() {
        return CanonicalJson.mapper().createObjectNode();
    }

    private static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }
}
