package org.gongzhang.service.workspace;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.period.Period;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessDenied;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.springframework.stereotype.Component;

/** The book a workspace page is about, and what the person may do in it. */
@Component
public class BookWorkspace {

    /**
     * The period a page shows when none is asked for: this month, or the book's first for a book
     * that starts later (set up ahead of its 启用期间), so that its reports' links ask for a period
     * the book has.
     */
    static Period thisMonthOrFirst(LocalDate today, String startPeriod) {
        Period month = Period.of(today);
        Period first = Period.parse(startPeriod);
        return month.isBefore(first) ? first : month;
    }

    /** The person in one book: its summary and their roles there. */
    public record InBook(Caller caller, BookSummary book, List<AccessRole> roles) {

        public boolean may(AccessRole... any) {
            for (AccessRole role : any) {
                if (roles.contains(role)) {
                    return true;
                }
            }
            return false;
        }

        public boolean mayRecord() {
            return may(AccessRole.AGENT_PREPARER);
        }

        public boolean mayReview() {
            return may(AccessRole.AGENT_REVIEWER, AccessRole.COMMUNITY_AUDITOR);
        }

        public boolean mayPost() {
            return may(AccessRole.AGENT_PREPARER, AccessRole.AGENT_REVIEWER);
        }

        public boolean mayClose() {
            return may(AccessRole.AGENT_REVIEWER);
        }

        public boolean mayReopen() {
            return may(AccessRole.COMMUNITY_AUDITOR);
        }

        public boolean mayEnrol() {
            return may(AccessRole.COMMUNITY_AUDITOR, AccessRole.TOWN_OFFICER);
        }

        /** 见证签名 from the browser: the community auditor. */
        public boolean mayCosign() {
            return may(AccessRole.COMMUNITY_AUDITOR);
        }
    }

    private final Access access;
    private final BookDirectory directory;
    private final StaffBooks staff;

    BookWorkspace(Access access, BookDirectory directory, StaffBooks staff) {
        this.access = access;
        this.directory = directory;
        this.staff = staff;
    }

    /** The logged-in person in {@code book}: 404 for an unknown book, 403 for a book they do not serve. */
    public InBook require(String book) {
        Caller caller = access.caller();
        BookSummary summary = directory.require(book);
        List<AccessRole> roles = staff.roles(caller, summary);
        if (roles.isEmpty()) {
            throw AccessDenied.forbidden("access.scope", book);
        }
        return new InBook(caller, summary, roles);
    }
}
