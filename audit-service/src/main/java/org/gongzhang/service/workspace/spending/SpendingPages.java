package org.gongzhang.service.workspace.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.reporting.format.Display;
import org.gongzhang.service.governance.GovernanceQueries;
import org.gongzhang.service.governance.GovernanceQueries.RequestView;
import org.gongzhang.service.governance.Reviews;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.signing.Signing;
import org.gongzhang.service.workspace.BookWorkspace;
import org.gongzhang.service.workspace.People;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 支出申请 as the committee, the community and the agent work them: the book's requests with the
 * step each waits for and its 审核期限, one request with every step taken, and the actions the
 * person's roles allow — raise, approve, refuse, return, resubmit, cancel, 超支追加, 业主共同决定, 付款.
 * The book judges each action; the page only shows its answer.
 */
@Controller
class SpendingPages {

    /** Who may raise a request, answer a return, cancel or ask an increase. */
    static final AccessRole[] REQUESTERS = {AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER,
            AccessRole.PROPERTY_COMPANY};
    /** Who may take a pending approval step (the book decides which of them for certain). */
    static final AccessRole[] APPROVERS = {AccessRole.COMMITTEE_CHAIR, AccessRole.COMMITTEE_MEMBER,
            AccessRole.COMMUNITY_AUDITOR};

    /**
     * A request as the list shows it: amounts for reading, and for a step that waits its 审核期限
     * (the last working day it may take) and whether that has passed.
     */
    record Row(RequestView request, String amount, String approved, String paid, LocalDate dueBy, boolean overdue) {
    }

    /** A step taken on a request, its amount for reading. */
    record StepRow(GovernanceQueries.Step step, String amount) {
    }

    /** A payment voucher of a request, its amount for reading. */
    record PaymentRow(GovernanceQueries.Payment payment, String amount) {
    }

    private final BookWorkspace workspace;
    private final GovernanceQueries governance;
    private final Reviews reviews;
    private final People people;
    private final Signing signing;

    SpendingPages(BookWorkspace workspace, GovernanceQueries governance, Reviews reviews, People people,
            Signing signing) {
        this.workspace = workspace;
        this.governance = governance;
        this.reviews = reviews;
        this.people = people;
        this.signing = signing;
    }

    @GetMapping("/staff/books/{book}/requests")
    String requests(@PathVariable String book, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        List<Row> rows = new ArrayList<>(governance.requests(book, null).stream().map(this::row).toList());
        Collections.reverse(rows);
        model.addAttribute("rows", rows);
        model.addAttribute("mayRaise", here.may(REQUESTERS));
        model.addAttribute("names", people.names());
        return "workspace/spending/requests";
    }

    @GetMapping("/staff/books/{book}/requests/{id}")
    String request(@PathVariable String book, @PathVariable String id, Model model) {
        BookWorkspace.InBook here = workspace.require(book);
        GovernanceQueries.RequestDetail detail = governance.requestDetail(book, id)
                .orElseThrow(() -> new LedgerRefusal(Kind.NOT_FOUND, "request.unknown", "requestId", id));
        RequestView r = detail.request();
        model.addAttribute("book", here.book());
        model.addAttribute("here", here);
        model.addAttribute("row", row(r));
        model.addAttribute("r", r);
        model.addAttribute("history", detail.history().stream().map(s -> new StepRow(s, display(s.amount()))).toList());
        model.addAttribute("payments", detail.payments().stream()
                .map(p -> new PaymentRow(p, display(p.amount()))).toList());
        model.addAttribute("decisions", governance.decisions(book).stream()
                .filter(d -> d.requestId() == null || id.equals(d.requestId())).toList());
        model.addAttribute("names", people.names());
        model.addAttribute("today", signing.today().toString());
        model.addAttribute("mayApprove", r.pendingStep() != null && here.may(APPROVERS));
        model.addAttribute("mayDecide", r.path().contains("ASSEMBLY") && here.may(AccessRole.COMMITTEE_CHAIR));
        model.addAttribute("mayResubmit", "RETURNED".equals(r.status()) && here.may(REQUESTERS));
        model.addAttribute("mayCancel", open(r) && here.may(REQUESTERS));
        model.addAttribute("mayIncrease", "APPROVED".equals(r.status()) && here.may(REQUESTERS));
        model.addAttribute("mayPay", "APPROVED".equals(r.status()) && !r.tenderRequired()
                && here.may(AccessRole.AGENT_PREPARER));
        return "workspace/spending/request";
    }

    private Row row(RequestView r) {
        Optional<Reviews.ReviewState> state = reviews.state(r.book(), r.requestId()).filter(Reviews.ReviewState::pending);
        LocalDate dueBy = state.map(Reviews.ReviewState::dueBy).orElse(null);
        return new Row(r, display(r.amount()), display(r.approvedAmount()), display(r.paid()), dueBy,
                dueBy != null && signing.today().isAfter(dueBy));
    }

    private static boolean open(RequestView r) {
        return !List.of("REFUSED", "CANCELLED").contains(r.status());
    }

    /** A yuan amount of the index, in whole 分 ({@code 3200.00}, also 0.00), as pages show money ({@code 3,200.00}). */
    static String display(String yuan) {
        return yuan == null ? "" : Display.amount(new BigDecimal(yuan).movePointRight(2).longValueExact());
    }
}
