package org.gongzhang.service.workspace.spending;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.governance.GovernanceQueries;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.signing.Signing;
import org.gongzhang.service.workspace.BookWorkspace;
import org.gongzhang.service.workspace.People;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 业标镇管 as the town officer records it on the street's tender platform — 发布招标公告, 接收投标,
 * 开标, 评标, 定标, 中标公示 — then the contract the chair signs with the winner, its 验收 by the
 * chair, its 结算 audited by the community auditor, and the agent's payments against it.
 */
@Controller
class TenderPages {

    /** A tender as the list shows it, its ceiling price for reading. */
    record TenderRow(GovernanceQueries.TenderView tender, String budget) {
    }

    /** A payment against a contract, its amount for reading. */
    record ContractPayment(GovernanceQueries.Payment payment, String amount) {
    }

    /** A bid, its opened amount for reading. */
    record BidRow(GovernanceQueries.Bid bid, String amount) {
    }

    private final BookWorkspace workspace;
    private final GovernanceQueries governance;
    private final People people;
    private final Signing signing;

    TenderPages(BookWorkspace workspace, GovernanceQueries governance, People people, Signing signing) {
        this.workspace = workspace;
        this.governance = governance;
        this.people = people;
        this.signing = signing;
    }

    @GetMapping("/staff/books/{book}/tenders")
    String tenders(@PathVariable String book, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        List<TenderRow> rows = new ArrayList<>(governance.tenders(book).stream()
                .map(t -> new TenderRow(t, SpendingPages.display(t.budget()))).toList());
        Collections.reverse(rows);
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        model.addAttribute("rows", rows);
        model.addAttribute("tenderable", governance.requests(book, "APPROVED"));
        model.addAttribute("today", signing.today().toString());
        model.addAttribute("mayPublish", here.may(AccessRole.TOWN_OFFICER));
        return "workspace/spending/tenders";
    }

    @GetMapping("/staff/books/{book}/tenders/{id}")
    String tender(@PathVariable String book, @PathVariable String id, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        GovernanceQueries.TenderDetail detail = governance.tenderDetail(book, id)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "tender.unknown", "tenderId", id));
        GovernanceQueries.ContractView contract = detail.contract();
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        model.addAttribute("t", detail.tender());
        model.addAttribute("budget", SpendingPages.display(detail.tender().budget()));
        model.addAttribute("awardedAmount", SpendingPages.display(detail.tender().awardedAmount()));
        model.addAttribute("bids", detail.bids().stream().map(b -> new BidRow(b, SpendingPages.display(b.amount())))
                .toList());
        model.addAttribute("awarded", detail.bids().stream().filter(b -> b.bidId().equals(detail.tender().awardedBid()))
                .findFirst().orElse(null));
        model.addAttribute("contract", contract);
        if (contract != null) {
            model.addAttribute("contractAmount", SpendingPages.display(contract.amount()));
            model.addAttribute("contractPaid", SpendingPages.display(contract.paid()));
            model.addAttribute("finalAmount", SpendingPages.display(contract.finalAmount()));
        }
        model.addAttribute("contractPayments", contract == null ? List.of() : governance.contractDetail(book,
                contract.contractId()).orElseThrow().payments().stream()
                .map(p -> new ContractPayment(p, SpendingPages.display(p.amount()))).toList());
        model.addAttribute("names", people.names());
        model.addAttribute("today", signing.today().toString());
        model.addAttribute("officer", here.may(AccessRole.TOWN_OFFICER));
        model.addAttribute("chair", here.may(AccessRole.COMMITTEE_CHAIR));
        model.addAttribute("auditor", here.may(AccessRole.COMMUNITY_AUDITOR));
        model.addAttribute("preparer", here.may(AccessRole.AGENT_PREPARER));
        return "workspace/spending/tender";
    }
}
