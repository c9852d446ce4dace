package org.gongzhang.service.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.book.PeopleNames;
import org.gongzhang.service.governance.GovernanceQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A spending request (支出申请, 业财社管) as a resident follows it: what it is for, how much, who
 * is paid (a private person only as 个人（不公开）), where it stands, every step taken on it — by
 * whom, on which date — the payments made against it, and the tenders it led to.
 */
@Controller
class PublicRequestPages {

    /** One step as shown: what happened, at which approval step, who took it, when, and its note. */
    record StepLine(String kind, String step, String who, LocalDate date, String amount, String note) {
    }

    /** A payment voucher against the request or its contract; a released one was voided or reversed. */
    record PaymentLine(String voucherId, LocalDate date, String amount, boolean released) {
    }

    /**
     * Steps whose note says nothing beyond the page: a raised or resubmitted request's note is its
     * purpose, an escalation's is the code of its cause, a missed deadline.
     */
    private static final Set<String> WITHOUT_NOTE = Set.of("RAISED", "RESUBMITTED", "ESCALATED");

    private final BookDirectory books;
    private final GovernanceQueries governance;
    private final PeopleNames people;

    PublicRequestPages(BookDirectory books, GovernanceQueries governance, PeopleNames people) {
        this.books = books;
        this.governance = governance;
        this.people = people;
    }

    @GetMapping("/public/books/{book}/requests/{id}")
    String request(@PathVariable String book, @PathVariable String id, Model model) {
        BookSummary summary = books.require(book);
        GovernanceQueries.RequestDetail detail = governance.requestDetail(book, id)
                .orElseThrow(() -> new LedgerRefusal(LedgerRefusal.Kind.NOT_FOUND, "request.unknown", "requestId", id));
        PeopleNames.Names names = people.of(book);
        GovernanceQueries.RequestView r = detail.request();
        model.addAttribute("book", summary);
        model.addAttribute("request", r);
        model.addAttribute("privatePayee", "PERSON".equals(r.payeeType()));
        model.addAttribute("amount", Yuan.of(r.amount()));
        model.addAttribute("approvedAmount", Yuan.of(r.approvedAmount()));
        model.addAttribute("paid", Yuan.of(r.paid()));
        model.addAttribute("requester", names.of(r.requester()));
        model.addAttribute("steps", detail.history().stream()
                .map(s -> new StepLine(s.kind(), s.step(), names.of(s.actor()), s.businessDate(), Yuan.of(s.amount()),
                        WITHOUT_NOTE.contains(s.kind()) ? null : s.note()))
                .toList());
        model.addAttribute("payments", detail.payments().stream()
                .map(p -> new PaymentLine(p.voucherId(), p.date(), Yuan.of(p.amount()), p.released())).toList());
        List<GovernanceQueries.TenderView> tenders = governance.tenders(book).stream()
                .filter(t -> id.equals(t.requestId())).toList();
        model.addAttribute("tenders", tenders);
        return "public/request/detail";
    }
}
