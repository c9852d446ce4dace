package org.gongzhang.service.workspace;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.voucher.BookWork;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.disclosure.DisclosureCalendar;
import org.gongzhang.service.disclosure.DisclosureCalendars;
import org.springframework.stereotype.Component;

/**
 * The compounds a person serves at a glance — for an agent firm keeping 30 compounds' books: per
 * book the vouchers not yet posted, the open period (the next to close, 结账) and the next statement
 * due (公示) with its date.
 */
@Component
class BookOverview {

    /** One compound's book as the overview shows it. */
    record Row(BookSummary book, int unposted, String openPeriod, String nextDue, LocalDate dueBy, boolean overdue) {
    }

    private final BookWork work;

    BookOverview(BookWork work) {
        this.work = work;
    }

    /**
     * The rows of {@code books} (some or all of the listing's): their vouchers waiting and calendars as
     * the to-do list read them, and their last closed periods in one query for all of them.
     */
    List<Row> of(List<BookSummary> books, ToDo.Listing listing) {
        Map<String, String> lastClosed = work.lastClosed(books.stream().map(BookSummary::book).toList());
        return books.stream().map(book -> row(book, listing.waiting().get(book.book()), lastClosed.get(book.book()),
                listing.calendars().get(book.book()))).toList();
    }

    private static Row row(BookSummary book, BookWork.Waiting waiting, String closed, DisclosureCalendars.Calendar calendar) {
        int unposted = waiting == null ? 0 : waiting.unposted();
        String open = closed == null ? book.startPeriod() : Period.parse(closed).next().toString();
        DisclosureCalendar.Slot next = calendar.slots().stream()
                .filter(s -> s.status() != DisclosureCalendar.Status.PUBLISHED)
                .min(Comparator.comparing(DisclosureCalendar.Slot::dueBy)).orElse(null);
        return next == null
                ? new Row(book, unposted, open, null, null, false)
                : new Row(book, unposted, open, next.from() + " – " + next.to(), next.dueBy(),
                        next.status() == DisclosureCalendar.Status.OVERDUE);
    }
}
