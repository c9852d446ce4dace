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
 * the community, and the works project {@link DemoWorks} (¥180,000: the owners' decision, the
 * tender for the request, the contract, its payments, acceptance and audited final account).
 */
final class DemoGovernance {

    private final BookDirectory books;
    private final Users users;
    private final Governance governance;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private final BookAudit audit;
    private final DemoPostings postings;

    DemoGovernance(BookDirectory books, Users users, Governance governance, CustodialKeys keys, CustodialSigner signer,
            BookAudit audit, DemoPostings postings) {
        this.postings = postings;
        this.books = books;
        this.users = users;
        this.governance = governance;
        this.keys = keys;
        this.signer = signer;
        this.audit = audit;
    }

    void write(DemoCompound compound, LocalDate today) {
        BookSummary book = books.find(compound.book()).orElseThrow();
        GovernanceQueries.Ruleset rules = governance.adoptDefaults(acting("sun-hao", AccessRole.TOWN_OFFICER, book));
        if ("lanyuan".equals(compound.id())) {
            requests(book);
            new DemoWorks(users, governance, keys, signer, book, today, postings).write(rules);
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
        postings.post(keys.forActor("agent:wang-qiang", Role.AGENT_REVIEWER), book.book(), paid.voucherId(), paid.date());

        // refused by the committee
        GovernanceQueries.RequestView plants = governance.raise(chair,
                request("1600.00", "小区入口更换时令绿植", "510102", "杭州绿城园林有限公司"));
        governance.refuse(member, plants.requestId(), "现有绿植长势良好，本季度不予更换。", null);

        // approved by the committee, waiting for the community
        GovernanceQueries.RequestView lights = governance.raise(member,
                request("4500.00", "2号楼楼道声控灯具更换", "510101", "杭州明亮照明工程有限公司"));
        governance.approve(chair, lights.requestId(), null);
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
