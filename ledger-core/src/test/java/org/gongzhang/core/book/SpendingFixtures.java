package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongzhang.core.book.BookFixtures.Signer;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.expenditure.SpendingRules;
import org.gongzhang.verifier.decision.Share;
import org.gongzhang.verifier.entry.Role;

/**
 * Test data for spending governance (业财社管) on the book of {@link BookFixtures}: the town officer
 * 钱立, the committee chair 孙丽, the committee members 周伟 (who raises requests) and 吴浩, the
 * property company 安居物业 and the deployment's clerk key; the DOMAIN §4 default rule set; requests
 * paying 杭州安居维修有限公司 from 510101 (共用部位及设施维修养护).
 */
final class SpendingFixtures {

    static final String COMPANY = "杭州安居维修有限公司";
    static final String COMMITMENT = "5e".repeat(32);

    final BookFixtures fx;
    final Signer town;
    final Signer chair;
    final Signer member;
    final Signer otherMember;
    final Signer company;
    final Signer service;

    SpendingFixtures() {
        fx = BookFixtures.ed25519();
        town = fx.signer("beishan:qian-li", Role.TOWN_OFFICER, "钱立");
        chair = fx.signer("lanyuan:sun-li", Role.COMMITTEE_CHAIR, "孙丽");
        member = fx.signer("lanyuan:zhou-wei", Role.COMMITTEE_MEMBER, "周伟");
        otherMember = fx.signer("lanyuan:wu-hao", Role.COMMITTEE_MEMBER, "吴浩");
        company = fx.signer("anju:service-desk", Role.PROPERTY_COMPANY, "安居物业");
        service = fx.signer("gongzhang:clerk", Role.SERVICE, "公账服务");
    }

    /** The book opened, every key registered, the default rule set adopted: nine commands. */
    Object[] opened() {
        return new Object[] {fx.open(), fx.register(town), fx.register(chair), fx.register(member),
            fx.register(otherMember), fx.register(company), fx.register(service), adopt(SpendingRules.defaults())};
    }

    /** The book opened with every key registered but no rule set adopted. */
    Object[] openedWithoutRules() {
        return new Object[] {fx.open(), fx.register(town), fx.register(chair), fx.register(member),
            fx.register(otherMember), fx.register(company), fx.register(service)};
    }

    static Object[] and(Object[] first, Object... more) {
        List<Object> all = new ArrayList<>(Arrays.asList(first));
        for (Object o : more) {
            if (o instanceof Object[] array) {
                all.addAll(Arrays.asList(array));
            } else {
                all.add(o);
            }
        }
        return all.toArray();
    }

    AppendEntryCommand adopt(ObjectNode ruleSet) {
        return fx.append(town, "ruleset.adopted", ruleSet);
    }

    static ObjectNode companyPayee(String name) {
        return json().put("type", "COMPANY").put("name", name);
    }

    static ObjectNode personPayee(String commitment) {
        return json().put("type", "PERSON").put("commitment", commitment);
    }

    /** An ordinary request paying {@link #COMPANY} from 510101, with one quote. */
    static ObjectNode request(String requestId, String amount) {
        ObjectNode p = json().put("requestId", requestId).put("amount", amount).put("purpose", "更换3号楼单元门禁")
                .put("account", "510101");
        p.set("payee", companyPayee(COMPANY));
        p.put("matter", "ORDINARY").put("works", false);
        p.putArray("quotes").addObject().put("sha256", "ab".repeat(32)).put("name", "报价单.pdf");
        p.putArray("documents");
        return p;
    }

    AppendEntryCommand raise(Signer by, ObjectNode request) {
        return fx.append(by, "request.raised", request);
    }

    /** 周伟 raises an ordinary request. */
    AppendEntryCommand raise(String requestId, String amount) {
        return raise(member, request(requestId, amount));
    }

    /** A step payload citing the default rule set, version 1. */
    static ObjectNode step(String requestId, String step) {
        return json().put("requestId", requestId).put("step", step).put("ruleset", SpendingRules.DEFAULT_ID)
                .put("rulesetVersion", 1);
    }

    AppendEntryCommand approve(Signer by, ObjectNode payload) {
        return fx.append(by, "request.approved", payload);
    }

    AppendEntryCommand approve(Signer by, String requestId, String step) {
        return approve(by, step(requestId, step).putNull("decisionId"));
    }

    /** The chair records the assembly step on a decision. */
    AppendEntryCommand assembly(String requestId, String decisionId) {
        return approve(chair, step(requestId, "ASSEMBLY").put("decisionId", decisionId));
    }

    AppendEntryCommand refuse(Signer by, String requestId, String step, String reason) {
        return fx.append(by, "request.refused", step(requestId, step).put("reason", reason));
    }

    AppendEntryCommand returnTo(Signer by, String requestId, String step, String question) {
        return fx.append(by, "request.returned", step(requestId, step).put("question", question));
    }

    AppendEntryCommand resubmit(Signer by, String requestId, String amount) {
        ObjectNode p = json().put("requestId", requestId).put("ruleset", SpendingRules.DEFAULT_ID)
                .put("rulesetVersion", 1).put("amount", amount).put("purpose", "更换3号楼单元门禁（补充报价）");
        ArrayNode quotes = p.putArray("quotes");
        quotes.addObject().put("sha256", "ab".repeat(32)).put("name", "报价单.pdf");
        quotes.addObject().put("sha256", "cd".repeat(32)).put("name", "第二份报价单.pdf");
        p.putArray("documents");
        return fx.append(by, "request.resubmitted", p);
    }

    AppendEntryCommand cancel(Signer by, String requestId) {
        return fx.append(by, "request.cancelled", json().put("requestId", requestId)
                .put("ruleset", SpendingRules.DEFAULT_ID).put("rulesetVersion", 1).put("reason", "业主自行修复"));
    }

    AppendEntryCommand increase(Signer by, String requestId, String amount) {
        return fx.append(by, "request.increased", json().put("requestId", requestId).put("amount", amount)
                .put("reason", "增加两处门禁"));
    }

    AppendEntryCommand escalate(Signer by, String requestId, String step, String businessDate) {
        return fx.append(fx.entry(by, "request.escalated",
                json().put("requestId", requestId).put("step", step).put("reason", "DEADLINE"),
                e -> e.put("businessDate", businessDate)));
    }

    AppendEntryCommand declare(Signer by, ObjectNode payee) {
        ObjectNode p = json().put("relation", "近亲属");
        p.set("payee", payee);
        return fx.append(by, "interest.declared", p);
    }

    /** A tally payload: roll 300 owners / 30000.00 m², the given participants and votes, abstain none. */
    static ObjectNode decision(String decisionId, String matter, String requestId, int participating,
            String participatingArea, int inFavour, String areaInFavour, String result) {
        ObjectNode p = json().put("decisionId", decisionId).put("matter", matter).put("subject", "更换3号楼单元门禁");
        p.put("requestId", requestId);
        p.putObject("roll").put("owners", 300).put("area", "30000.00");
        p.putObject("participating").put("owners", participating).put("area", participatingArea);
        p.putObject("for").put("owners", inFavour).put("area", areaInFavour);
        Share against = new Share(participating - inFavour, Share.parseArea(participatingArea) - Share.parseArea(areaInFavour));
        p.putObject("against").put("owners", against.owners()).put("area", against.area());
        p.putObject("abstain").put("owners", 0).put("area", "0.00");
        return p.put("rollSha256", "cd".repeat(32)).put("result", result);
    }

    /** A decision about {@code requestId} that passes: 240 of 300 owners take part, 200 vote for. */
    static ObjectNode passed(String decisionId, String matter, String requestId) {
        return decision(decisionId, matter, requestId, 240, "24000.00", 200, "20000.00", "PASSED");
    }

    AppendEntryCommand decide(ObjectNode decision) {
        return fx.append(chair, "decision.recorded", decision);
    }

    /** 周伟 raises, the chair approves for the committee, the auditor for the community. */
    Object[] approvedByCommitteeAndCommunity(String requestId, String amount) {
        return new Object[] {raise(requestId, amount), approve(chair, requestId, "COMMITTEE"),
            approve(fx.auditor, requestId, "COMMUNITY")};
    }

    /** A payment voucher of {@code amount} dated 2026-04-01: debit 510101, credit bank 100201. */
    static ObjectNode payment(String voucherId, String requestId, String amount) {
        ObjectNode v = BookFixtures.voucher(voucherId, "2026-04-01", line("510101", "debit", amount),
                line("100201", "credit", amount));
        v.putObject("payment").put("request", requestId);
        return v;
    }

    static ObjectNode line(String account, String side, String amount) {
        return json().put("summary", "付3号楼门禁维修款").put("account", account).put(side, amount);
    }

    AppendEntryCommand pay(String voucherId, String requestId, String amount) {
        return fx.record(payment(voucherId, requestId, amount));
    }
}
