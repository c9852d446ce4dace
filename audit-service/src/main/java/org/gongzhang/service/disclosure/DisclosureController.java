package org.gongzhang.service.disclosure;

import java.util.List;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.security.Access;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 公示日历: each book's owed statements (public), its cadence (set by the community auditor), and
 * for a community auditor or town officer every overdue statement in their area.
 */
@RestController
class DisclosureController {

    record CadenceRequest(String cadence, Integer graceDays) {
    }

    private final Access access;
    private final BookDirectory books;
    private final DisclosureCalendars calendars;

    DisclosureController(Access access, BookDirectory books, DisclosureCalendars calendars) {
        this.access = access;
        this.books = books;
        this.calendars = calendars;
    }

    @GetMapping("/api/books/{book}/disclosure-calendar")
    DisclosureCalendars.Calendar calendar(@PathVariable String book) {
        return calendars.calendar(books.require(book));
    }

    @PutMapping("/api/books/{book}/disclosure-calendar")
    DisclosureCalendars.Calendar configure(@PathVariable String book, @RequestBody CadenceRequest cadence) {
        BookSummary summary = access.require(book, AccessRole.COMMUNITY_AUDITOR).book();
        calendars.configure(book, cadence.cadence(), cadence.graceDays());
        return calendars.calendar(summary);
    }

    /** Overdue statements of every book in the caller's community or street. */
    @GetMapping("/api/disclosure/overdue")
    List<DisclosureCalendars.Calendar> overdue() {
        Caller caller = access.caller();
        if (!caller.holds(AccessRole.COMMUNITY_AUDITOR) && !caller.holds(AccessRole.TOWN_OFFICER)) {
            access.requireAnywhere(AccessRole.COMMUNITY_AUDITOR);
        }
        List<BookSummary> supervised = access.books(access.reach(caller), AccessRole.COMMUNITY_AUDITOR,
                AccessRole.TOWN_OFFICER);
        return calendars.calendars(supervised).values().stream().filter(c -> !c.overdue().isEmpty()).toList();
    }
}
