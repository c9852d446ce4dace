package org.gongzhang.service.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gongzhang.reporting.voucher.BookWork;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.disclosure.DisclosureCalendar;
import org.gongzhang.service.disclosure.DisclosureCalendars;
import org.gongzhang.service.disclosure.Objections;
import org.gongzhang.service.disclosure.StatementVersion;
import org.gongzhang.service.disclosure.StatementVersions;
import org.gongzhang.service.governance.GovernanceQueries;
import org.gongzhang.service.governance.Reviews;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
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

    private final StaffBooks staff;
    private final BookWork work;
    private final Reviews reviews;
    private final StatementVersions statements;
    private final Objections objections;
    private final DisclosureCalendars calendars;
    private final GovernanceQueries governance;
    private final KeyEnrolments enrolments;
    private final Signing signing;

    ToDo(StaffBooks staff, BookWork work, Reviews reviews, StatementVersions statements, Objections objections,
            DisclosureCalendars calendars, GovernanceQueries governance, KeyEnrolments enrolments, Signing signing) {
        this.staff = staff;
        this.work = work;
        this.reviews = reviews;
        this.statements = statements;
        this.objections = objections;
        this.calendars = calendars;
        this.governance = governance;
        this.enrolments = enrolments;
        this.signing = signing;
    }

    /** The caller's to-do list, overdue first, then by due date. */
    public List<Item> of(Caller caller) {
        LocalDate today = signing.today();
        List<Item> items = new ArrayList<>();
        Reviews.Inbox inbox = reviews.inbox();
        inbox.toReview().forEach(r -> items.add(new Item("request.step", r.book(), r.compound(), r.purpose(), 1,
                r.dueBy(), r.overdue(), "/staff/books/" + r.book() + "/requests/" + r.requestId())));
        inbox.escalated().forEach(r -> items.add(new Item("request.escalated", r.book(), r.compound(), r.purpose(), 1,
                r.dueBy(), true, "/staff/books/" + r.book() + "/requests/" + r.requestId())));
        for (BookSummary book : staff.of(caller)) {
            List<AccessRole> roles = staff.roles(caller, book);
            vouchers(book, roles, items);
            statements(book, roles, today, items);
            objections(book, roles, items);
            tenders(book, roles, items);
        }
        enrolments.pendingFor(caller).forEach(p -> items.add(new Item("key.enrol", p.book().book(),
                p.book().compound().name(), p.displayName(), 1, null, false, "/staff/books/" + p.book().book() + "/members")));
        items.sort(Comparator.comparing((Item i) -> !i.overdue())
                .thenComparing(i -> i.dueBy() == null ? LocalDate.MAX : i.dueBy()));
        return items;
    }

    private void vouchers(BookSummary book, List<AccessRole> roles, List<Item> items) {
        int recorded = 0;
        int reviewed = 0;
        for (BookWork.PeriodWork period : work.periods(book.book())) {
            recorded += period.recorded();
            reviewed += period.reviewed();
        }
        String link = "/staff/books/" + book.book();
        if (recorded > 0 && (roles.contains(AccessRole.AGENT_REVIEWER) || roles.contains(AccessRole.COMMUNITY_AUDITOR))) {
            items.add(new Item("voucher.review", book.book(), book.compound().name(), null, recorded, null, false,
                    link + "?status=RECORDED"));
        }
        if (reviewed > 0 && (roles.contains(AccessRole.AGENT_REVIEWER) || roles.contains(AccessRole.AGENT_PREPARER))) {
            items.add(new Item("voucher.post", book.book(), book.compound().name(), null, reviewed, null, false,
                    link + "?status=REVIEWED"));
        }
    }

    private void statements(BookSummary book, List<AccessRole> roles, LocalDate today, List<Item> items) {
        String link = "/staff/books/" + book.book() + "/statements";
        for (StatementVersion s : statements.all(book.book())) {
            String periods = s.from() + " – " + s.to();
            if ("DRAFTED".equals(s.status()) && roles.contains(AccessRole.COMMUNITY_AUDITOR)) {
                items.add(new Item("statement.sign", book.book(), book.compound().name(), periods, 1, null, false, link));
            }
            if ("SIGNED".equals(s.status())
                    && (roles.contains(AccessRole.COMMUNITY_AUDITOR) || roles.contains(AccessRole.AGENT_REVIEWER))) {
                items.add(new Item("statement.publish", book.book(), book.compound().name(), periods, 1, null, false, link));
            }
        }
        for (DisclosureCalendar.Slot slot : calendars.calendar(book).slots()) {
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

    private void objections(BookSummary book, List<AccessRole> roles, List<Item> items) {
        boolean answers = roles.contains(AccessRole.COMMITTEE_CHAIR) || roles.contains(AccessRole.COMMITTEE_MEMBER)
                || roles.contains(AccessRole.AGENT_PREPARER) || roles.contains(AccessRole.AGENT_REVIEWER);
        boolean reviews = roles.contains(AccessRole.COMMUNITY_AUDITOR);
        if (!answers && !reviews) {
            return;
        }
        for (StatementVersion s : statements.published(book.book())) {
            for (Objections.Objection o : objections.of(book.book(), s.statementId())) {
                String link = "/staff/books/" + book.book() + "/statements/" + s.statementId() + "/objections";
                boolean open = "SUBMITTED".equals(o.status()) || "ACCEPTED".equals(o.status());
                if (open && answers) {
                    items.add(new Item("objection.answer", book.book(), book.compound().name(), s.from() + " – " + s.to(),
                            1, o.answerBy(), signing.today().isAfter(o.answerBy()), link));
                }
                if (("ANSWERED".equals(o.status()) || "ESCALATED".equals(o.status())) && reviews) {
                    items.add(new Item("objection.review", book.book(), book.compound().name(), s.from() + " – " + s.to(),
                            1, null, "ESCALATED".equals(o.status()), link));
                }
            }
        }
    }

    private void tenders(BookSummary book, List<AccessRole> roles, List<Item> items) {
        if (!roles.contains(AccessRole.TOWN_OFFICER)) {
            return;
        }
        governance.tenders(book.book()).stream().filter(t -> OPEN_TENDER_STAGES.contains(t.stage()))
                .forEach(t -> items.add(new Item("tender.step", book.book(), book.compound().name(), t.title(), 1, null,
                        false, "/staff/books/" + book.book() + "/tenders/" + t.tenderId())));
    }
}
