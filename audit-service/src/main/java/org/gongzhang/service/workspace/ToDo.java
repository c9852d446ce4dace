package org.gongzhang.service.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongzhang.reporting.voucher.BookWork;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.disclosure.DisclosureCalendar;
import org.gongzhang.service.disclosure.DisclosureCalendars;
import org.gongzhang.service.disclosure.Objections;
import org.gongzhang.service.disclosure.StatementVersion;
import org.gongzhang.service.disclosure.StatementVersions;
import org.gongzhang.service.governance.GovernanceQueries;
import org.gongzhang.service.governance.Reviews;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.gongzhang.service.security.Reach;
import org.gongzhang.service.signing.Signing;
import org.springframework.stereotype.Component;

/**
 * 待办: everything waiting for one person across every book they serve — vouchers to review or
 * post, spending-request steps (with 到期日), statements to draft, sign off or publish, objections to
 * answer or review, overdue disclosures, tender steps, keys to register. The workspace home shows
 * it; {@code GET /api/reviews} answers the same list.
 */
@Component
public class ToDo {

    /**
     * One thing to do.
     *
     * @param kind    what: {@code voucher.review}, {@code request.step}, {@code statement.sign}, …
     * @param book    the book's id
     * @param compound the compound's name
     * @param title   what it is about (a request's purpose, a statement's periods, a person's name)
     * @param count   how many, where it stands for several (vouchers)
     * @param dueBy   the last day it is due, if it has one
     * @param overdue past {@code dueBy}
     * @param link    the workspace page where it is done
     */
    public record Item(String kind, String book, String compound, String title, int count, LocalDate dueBy,
            boolean overdue, String link) {
    }

    private static final List<String> OPEN_TENDER_STAGES = List.of("PUBLISHED", "OPENED", "EVALUATED", "AWARDED",
            "AWARD_NOTICED");

    private final Access access;
    private final BookWork vouchers;
    private final Reviews reviews;
    private final StatementVersions statements;
    private final Objections objections;
    private final DisclosureCalendars calendars;
    private final GovernanceQueries governance;
    private final KeyEnrolments enrolments;
    private final Signing signing;

    ToDo(Access access, BookWork vouchers, Reviews reviews, StatementVersions statements, Objections objections,
            DisclosureCalendars calendars, GovernanceQueries governance, KeyEnrolments enrolments, Signing signing) {
        this.access = access;
        this.vouchers = vouchers;
        this.reviews = reviews;
        this.statements = statements;
        this.objections = objections;
        this.calendars = calendars;
        this.governance = governance;
        this.enrolments = enrolments;
        this.signing = signing;
    }

    /**
     * A person's to-do list ({@code items}), with what it was made from: their review inbox, the books
     * they serve in the directory's order, and per book its vouchers waiting and its disclosure
     * calendar, so that a page showing them reads them once.
     */
    public record Listing(List<Item> items, Reviews.Inbox inbox, List<BookSummary> books,
            Map<String, BookWork.Waiting> waiting, Map<String, DisclosureCalendars.Calendar> calendars) {
    }

    /**
     * The caller's to-do list, overdue first, then by due date. Their books are read once, and each
     * kind of work is one query over all of them, so a street's officer with hundreds of compounds
     * waits no longer than an agent with two.
     */
    public Listing of(Caller caller) {
        LocalDate today = signing.today();
        List<Item> items = new ArrayList<>();
        Reach reach = access.reach(caller);
        List<BookSummary> books = access.books(reach);
        Reviews.Inbox inbox = reviews.inbox(caller, reach, books);
        inbox.toReview().forEach(r -> items.add(new Item("request.step", r.book(), r.compound(), r.purpose(), 1,
                r.dueBy(), r.overdue(), "/staff/books/" + r.book() + "/requests/" + r.requestId())));
        inbox.escalated().forEach(r -> items.add(new Item("request.escalated", r.book(), r.compound(), r.purpose(), 1,
                r.dueBy(), true, "/staff/books/" + r.book() + "/requests/" + r.requestId())));
        List<String> ids = books.stream().map(BookSummary::book).toList();
        Work work = new Work(vouchers.waiting(ids), statements.all(ids), calendars.calendars(books),
                objections.waiting(ids), governance.tenders(ids, OPEN_TENDER_STAGES).stream()
                        .collect(Collectors.groupingBy(GovernanceQueries.TenderView::book)));
        for (BookSummary book : books) {
            List<AccessRole> roles = reach.roles(book);
            vouchers(book, roles, work, items);
            statements(book, roles, work, today, items);
            objections(book, roles, work, today, items);
            tenders(book, roles, work, items);
        }
        // one item per key waiting in one book (its members page); one for a key waiting in many (批量登记)
        for (KeyEnrolments.Waiting waiting : enrolments.waiting(reach, books)) {
            BookSummary first = waiting.books().get(0);
            items.add(waiting.books().size() == 1
                    ? new Item("key.enrol", first.book(), first.compound().name(), waiting.displayName(), 1, null, false,
                            "/staff/books/" + first.book() + "/members")
                    : new Item("key.enrol.many", null, null, waiting.displayName(), waiting.books().size(), null, false,
                            "/staff/enrolments"));
        }
        items.sort(Comparator.comparing((Item i) -> !i.overdue())
                .thenComparing(i -> i.dueBy() == null ? LocalDate.MAX : i.dueBy()));
        return new Listing(List.copyOf(items), inbox, books, work.vouchers(), work.calendars());
    }

    /** What waits in the caller's books, each kind read for all of them at once. */
    private record Work(Map<String, BookWork.Waiting> vouchers, Map<String, List<StatementVersion>> statements,
            Map<String, DisclosureCalendars.Calendar> calendars, Map<String, List<Objections.Objection>> objections,
            Map<String, List<GovernanceQueries.TenderView>> tenders) {
    }

    private void vouchers(BookSummary book, List<AccessRole> roles, Work work, List<Item> items) {
        BookWork.Waiting waiting = work.vouchers().getOrDefault(book.book(), new BookWork.Waiting(0, 0));
        String link = "/staff/books/" + book.book();
        if (waiting.recorded() > 0
                && (roles.contains(AccessRole.AGENT_REVIEWER) || roles.contains(AccessRole.COMMUNITY_AUDITOR))) {
            items.add(new Item("voucher.review", book.book(), book.compound().name(), null, waiting.recorded(), null,
                    false, link + "?status=RECORDED"));
        }
        if (waiting.reviewed() > 0
                && (roles.contains(AccessRole.AGENT_REVIEWER) || roles.contains(AccessRole.AGENT_PREPARER))) {
            items.add(new Item("voucher.post", book.book(), book.compound().name(), null, waiting.reviewed(), null,
                    false, link + "?status=REVIEWED"));
        }
    }

    private void statements(BookSummary book, List<AccessRole> roles, Work work, LocalDate today, List<Item> items) {
        String link = "/staff/books/" + book.book() + "/statements";
        for (StatementVersion s : work.statements().getOrDefault(book.book(), List.of())) {
            String periods = s.from() + " – " + s.to();
            if ("DRAFTED".equals(s.status()) && roles.contains(AccessRole.COMMUNITY_AUDITOR)) {
                items.add(new Item("statement.sign", book.book(), book.compound().name(), periods, 1, null, false, link));
            }
            if ("SIGNED".equals(s.status())
                    && (roles.contains(AccessRole.COMMUNITY_AUDITOR) || roles.contains(AccessRole.AGENT_REVIEWER))) {
                items.add(new Item("statement.publish", book.book(), book.compound().name(), periods, 1, null, false, link));
            }
        }
        for (DisclosureCalendar.Slot slot : work.calendars().get(book.book()).slots()) {
            String periods = slot.from() + " – " + slot.to();
            boolean overdue = slot.status() == DisclosureCalendar.Status.OVERDUE;
            if (slot.status() == DisclosureCalendar.Status.DUE || overdue) {
                if (roles.contains(AccessRole.AGENT_PREPARER)) {
                    items.add(new Item("statement.draft", book.book(), book.compound().name(), periods, 1,
                            slot.dueBy(), overdue || today.isAfter(slot.dueBy()), link));
                }
                if (overdue && (roles.contains(AccessRole.COMMUNITY_AUDITOR) || roles.contains(AccessRole.TOWN_OFFICER))) {
                    items.add(new Item("disclosure.overdue", book.book(), book.compound().name(), periods, 1,
                            slot.dueBy(), true, link));
                }
            }
        }
    }

    private void objections(BookSummary book, List<AccessRole> roles, Work work, LocalDate today, List<Item> items) {
        boolean answers = roles.contains(AccessRole.COMMITTEE_CHAIR) || roles.contains(AccessRole.COMMITTEE_MEMBER)
                || roles.contains(AccessRole.AGENT_PREPARER) || roles.contains(AccessRole.AGENT_REVIEWER);
        boolean reviews = roles.contains(AccessRole.COMMUNITY_AUDITOR);
        if (!answers && !reviews) {
            return;
        }
        for (StatementVersion s : work.statements().getOrDefault(book.book(), List.of())) {
            if (!s.published()) {
                continue;
            }
            for (Objections.Objection o : work.objections().getOrDefault(s.statementId(), List.of())) {
                String link = "/staff/books/" + book.book() + "/statements/" + s.statementId() + "/objections";
                boolean open = "SUBMITTED".equals(o.status()) || "ACCEPTED".equals(o.status());
                if (open && answers) {
                    items.add(new Item("objection.answer", book.book(), book.compound().name(), s.from() + " – " + s.to(),
                            1, o.answerBy(), today.isAfter(o.answerBy()), link));
                }
                if (("ANSWERED".equals(o.status()) || "ESCALATED".equals(o.status())) && reviews) {
                    items.add(new Item("objection.review", book.book(), book.compound().name(), s.from() + " – " + s.to(),
                            1, null, "ESCALATED".equals(o.status()), link));
                }
            }
        }
    }

    private void tenders(BookSummary book, List<AccessRole> roles, Work work, List<Item> items) {
        if (!roles.contains(AccessRole.TOWN_OFFICER)) {
            return;
        }
        work.tenders().getOrDefault(book.book(), List.of())
                .forEach(t -> items.add(new Item("tender.step", book.book(), book.compound().name(), t.title(), 1, null,
                        false, "/staff/books/" + book.book() + "/tenders/" + t.tenderId())));
    }
}
