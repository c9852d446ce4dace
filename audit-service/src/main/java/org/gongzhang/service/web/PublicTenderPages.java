package org.gongzhang.service.web;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.book.PeopleNames;
import org.gongzhang.service.governance.GovernanceQueries;
import org.gongzhang.service.signing.SignedBy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A tender (招标, 业标镇管: works of ¥100,000 or more go through the town's platform) as a resident
 * follows it: its ceiling price and notice period, the bids once opened and their ranking, the
 * award and its public notice, the contract with its acceptance, audited final account and
 * payments — and every step with who signed it, in which role, on which date.
 */
@Controller
class PublicTenderPages {

    /**
     * One signed step: its entry kind, who (by name) in which role, when, its entry's index, and
     * whether its signature is the person's own or the service's for them ({@link SignedBy}).
     */
    record StepLine(String kind, String who, String role, LocalDate date, long entry, String signedBy) {
    }

    /** A bid as shown: bidder (a company, public), its price once opened, its rank once evaluated. */
    record BidLine(String bidder, String creditCode, String amount, Integer rank, boolean awarded) {
    }

    private final BookDirectory books;
    private final GovernanceQueries governance;
    private final PeopleNames people;
    private final SignedBy signedBy;

    PublicTenderPages(BookDirectory books, GovernanceQueries governance, PeopleNames people, SignedBy signedBy) {
        this.signedBy = signedBy;
        this.books = books;
        this.governance = governance;
        this.people = people;
    }

    @GetMapping("/public/books/{book}/tenders/{id}")
    String tender(@PathVariable String book, @PathVariable String id, Model model) {
        BookSummary summary = books.require(book);
        GovernanceQueries.TenderDetail detail = governance.tenderDetail(book, id)
                .orElseThrow(() -> new LedgerRefusal(LedgerRefusal.Kind.NOT_FOUND, "tender.unknown", "tenderId", id));
        GovernanceQueries.TenderView t = detail.tender();
        PeopleNames.Names names = people.of(book);
        model.addAttribute("book", summary);
        model.addAttribute("tender", t);
        model.addAttribute("budget", Yuan.of(t.budget()));
        model.addAttribute("awardedAmount", Yuan.of(t.awardedAmount()));
        model.addAttribute("request", t.requestId() == null ? null
                : governance.request(book, t.requestId()).orElse(null));
        model.addAttribute("bids", detail.bids().stream()
                .map(b -> new BidLine(b.bidder(), b.creditCode(), Yuan.of(b.amount()), b.rank(),
                        b.bidId().equals(t.awardedBid())))
                .toList());
        model.addAttribute("steps", governance.tenderSteps(book, t).stream()
                .map(s -> new StepLine(s.kind(), names.of(s.actor()), s.role(), s.businessDate(), s.entryIndex(),
                        signedBy.entry(book, s.entryIndex()).orElse(null)))
                .toList());
        GovernanceQueries.ContractView contract = detail.contract();
        model.addAttribute("contract", contract);
        model.addAttribute("contractAmount", contract == null ? null : Yuan.of(contract.amount()));
        model.addAttribute("contractPaid", contract == null ? null : Yuan.of(contract.paid()));
        model.addAttribute("finalAmount", contract == null ? null : Yuan.of(contract.finalAmount()));
        List<PublicRequestPages.PaymentLine> payments = contract == null ? List.of()
                : PublicRequestPages.PaymentLine.of(book,
                        governance.contractDetail(book, contract.contractId()).orElseThrow().payments(), signedBy);
        model.addAttribute("payments", payments);
        return "public/tender/detail";
    }
}
