package org.gongzhang.service.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
 * A spending request (支出申请, 业财社管) as a resident follows it: what it is for, how much, who
 * is paid (a private person only as 个人（不公开）), where it stands, every step taken on it — by
 * whom, on which date, signed by their own key or by the service for them (代签) — the payments
 * made against it, and the tenders it led to.
 */
@Controller
class PublicRequestPages {

    /**
     * One step as shown: what happened, at which approval step, who took it, when, its note, and
     * whether they signed it with their own key or the service signed for them ({@link SignedBy}).
     */
    record StepLine(String kind, String step, String who, LocalDate date, String amount, String note, String signedBy) {
    }

    /**
     * A payment voucher against the request or its contract; a released one was voided or reversed.
     * {@code signedBy}: whether the payment's entry was signed by its maker's own key or by the service.
     */
    record PaymentLine(String voucherId, LocalDate date, String amount, boolean released, String signedBy) {

        static List<PaymentLine> of(String book, List<GovernanceQueries.Payment> payments, SignedBy signedBy) {
            return payments.stream().map(p -> new PaymentLine(p.voucherId(), p.date(), Yuan.of(p.amount()), p.released(),
                    signedBy.entry(book, p.entryIndex()).orElse(null))).toList();
        }
    }

    /**
     * Steps whose note says nothing beyond the page: a raised or resubmitted request's note is its
     * purpose, an escalation's is the code of its cause, a missed deadline.
     */
    private static final Set<String> WITHOUT_NOTE = Set.of("RAISED", "RESUBMITTED", "ESCALATED");

    private final BookDirectory books;
    private final GovernanceQueries governance;
    private final PeopleNames people;
    private final SignedBy signedBy;

    PublicRequestPages(BookDirectory books, GovernanceQueries governance, PeopleNames people, SignedBy signedBy) {
        this.signedBy = signedBy;
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
                        WITHOUT_NOTE.contains(s.kind()) ? null : s.note(), signedBy.entry(book, s.entryIndex()).orElse(null)))
                .toList());
        model.addAttribute("payments", PaymentLine.of(book, detail.payments(), signedBy));
        List<GovernanceQueries.TenderView> tenders = governance.tenders(book).stream()
                .filter(t -> id.equals(t.requestId())).toList();
        model.addAttribute("tenders", tenders);
        return "public/request/detail";
    }
}
