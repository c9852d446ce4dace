package org.gongzhang.service.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.governance.Governance;
import org.gongzhang.service.governance.GovernanceQueries;
import org.gongzhang.service.log.BookAudit;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Acting;
import org.gongzhang.service.security.Users;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.Role;

/**
 * The demo's spending governance: the town adopts the default rule set in both books; in 兰园小区
 * one request approved by the committee and the community and paid, one refused, one waiting for
 * the community, and one works tender (≥ ¥100,000) from its notice to the contract, each step
 * dated the day it happened in the last five weeks so that every notice period has run.
 */
final class DemoGovernance {

    private static final String[] CODES = {"91330106MA2B00001Y", "91330106MA2B000022", "91330106MA2B000035"};
    private static final String[] BIDDERS = {"杭州安居建设有限公司", "浙江恒远建设有限公司", "杭州城建修缮有限公司"};
    private static final String[] AMOUNTS = {"168000.00", "152000.00", "179500.00"};

    private final BookDirectory books;
    private final Users users;
    private final Governance governance;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private final BookAudit audit;

    DemoGovernance(BookDirectory books, Users users, Governance governance, CustodialKeys keys, CustodialSigner signer,
            BookAudit audit) {
        this.books = books;
        this.users = users;
        this.governance = governance;
        this.keys = keys;
        this.signer = signer;
        this.audit = audit;
    }

    void write(DemoCompound compound, LocalDate today) {
        BookSummary book = books.find(compound.book()).orElseThrow();
        governance.adoptDefaults(acting("sun-hao", AccessRole.TOWN_OFFICER, book));
        if ("lanyuan".equals(compound.id())) {
            requests(book);
            tender(book, today);
        }
        audit.checkpoint(book.book());
    }

    private void requests(BookSummary book) {
        Acting chair = acting("lanyuan-chair", AccessRole.COMMITTEE_CHAIR, book);
        Acting member = acting("lanyuan-member", AccessRole.COMMITTEE_MEMBER, book);
        Acting auditor = acting("zhao-min", AccessRole.COMMUNITY_AUDITOR, book);

        // approved by the committee and the community, then paid, reviewed and posted
        GovernanceQueries.RequestView doors = governance.raise(member,
                request("12800.00", "更换3号楼单元门禁及读卡器", "510101", "杭州安居维修有限公司"));
        governance.approve(chair, doors.requestId(), null);
        governance.approve(auditor, doors.requestId(), null);
        GovernanceQueries.Payment paid = governance.pay(acting("li-na", AccessRole.AGENT_PREPARER, book),
                doors.requestId(), CanonicalJson.mapper().createObjectNode().put("amount", "12800.00")
                        .put("summary", "付3号楼单元门禁更换款"));
        ObjectNode voucher = CanonicalJson.mapper().createObjectNode().put("voucherId", paid.voucherId());
        signer.submit(keys.forActor("agent:wang-qiang", Role.AGENT_REVIEWER), book.book(), "voucher.reviewed",
                paid.date(), voucher);
        signer.submit(keys.forActor("agent:wang-qiang", Role.AGENT_REVIEWER), book.book(), "voucher.posted",
                paid.date(), voucher);

        // refused by the committee
        GovernanceQueries.RequestView plants = governance.raise(chair,
                request("1600.00", "小区入口更换时令绿植", "510102", "杭州绿城园林有限公司"));
        governance.refuse(member, plants.requestId(), "现有绿植长势良好，本季度不予更换。", null);

        // approved by the committee, waiting for the community
        GovernanceQueries.RequestView lights = governance.raise(member,
                request("4500.00", "2号楼楼道声控灯具更换", "510101", "杭州明亮照明工程有限公司"));
        governance.approve(chair, lights.requestId(), null);
    }

    private void tender(BookSummary book, LocalDate today) {
        Acting officer = acting("sun-hao", AccessRole.TOWN_OFFICER, book);
        String tenderId = "t-lanyuan-waiqiang";
        ObjectNode notice = CanonicalJson.mapper().createObjectNode().put("tenderId", tenderId);
        notice.putNull("requestId");
        notice.put("title", "兰园小区外墙修缮工程").put("description", "3、5、7幢外墙空鼓修补及防水")
                .put("budget", "180000.00").put("works", true)
                .put("noticeFrom", today.minusDays(34).toString()).put("noticeUntil", today.minusDays(27).toString())
                .put("bidOpening", today.minusDays(26).toString());
        notice.putArray("documents").addObject().put("sha256", hex('d')).put("name", "招标文件.pdf");
        step(officer, "tender.published", notice, today.minusDays(34));
        ObjectNode opened = CanonicalJson.mapper().createObjectNode().put("tenderId", tenderId);
        for (int i = 0; i < 3; i++) {
            ObjectNode bid = CanonicalJson.mapper().createObjectNode().put("tenderId", tenderId).put("bidId", "b" + (i + 1));
            bid.putObject("bidder").put("name", BIDDERS[i]).put("creditCode", CODES[i]);
            bid.put("sealedSha256", hex((char) ('1' + i)));
            step(officer, "tender.bid-received", bid, today.minusDays(31 - i));
            opened.withArray("bids").addObject().put("bidId", "b" + (i + 1)).put("amount", AMOUNTS[i])
                    .put("revealedSha256", hex((char) ('1' + i)));
        }
        step(officer, "tender.opened", opened, today.minusDays(26));
        ObjectNode evaluated = CanonicalJson.mapper().createObjectNode().put("tenderId", tenderId);
        evaluated.putArray("ranking").add("b2").add("b1").add("b3");
        evaluated.put("reportSha256", hex('e'));
        step(officer, "tender.evaluated", evaluated, today.minusDays(24));
        step(officer, "tender.awarded", CanonicalJson.mapper().createObjectNode().put("tenderId", tenderId)
                .put("bidId", "b2").put("amount", AMOUNTS[1]), today.minusDays(23));
        step(officer, "tender.award-noticed", CanonicalJson.mapper().createObjectNode().put("tenderId", tenderId)
                .put("noticeFrom", today.minusDays(22).toString()).put("noticeUntil", today.minusDays(16).toString()),
                today.minusDays(22));
        ObjectNode contract = CanonicalJson.mapper().createObjectNode().put("contractId", "c-lanyuan-waiqiang")
                .put("tenderId", tenderId);
        contract.putObject("supplier").put("name", BIDDERS[1]).put("creditCode", CODES[1]);
        contract.put("amount", AMOUNTS[1]).put("documentSha256", hex('c'));
        step(acting("lanyuan-chair", AccessRole.COMMITTEE_CHAIR, book), "contract.signed", contract, today.minusDays(14));
    }

    private void step(Acting acting, String kind, ObjectNode payload, LocalDate date) {
        governance.tenderStep(acting, kind, payload.put("businessDate", date.toString()));
    }

    private static ObjectNode request(String amount, String purpose, String account, String company) {
        ObjectNode body = CanonicalJson.mapper().createObjectNode().put("amount", amount).put("purpose", purpose)
                .put("account", account);
        body.putObject("payee").put("type", "COMPANY").put("name", company);
        body.put("matter", "ORDINARY").put("works", false);
        body.putArray("quotes").addObject().put("sha256", hex('a')).put("name", "报价单.pdf");
        return body;
    }

    private Acting acting(String username, AccessRole role, BookSummary book) {
        return new Acting(users.find(username).orElseThrow(), role, book);
    }

    private static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }
}
