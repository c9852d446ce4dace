package org.gongzhang.service.workspace;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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
    private final DisclosureCalendars calendars;

    BookOverview(BookWork work, DisclosureCalendars calendars) {
        this.work = work;
        this.calendars = calendars;
    }

    List<Row> of(List<BookSummary> books) {
        return books.stream().map(this::row).toList();
    }

    private Row row(BookSummary book) {
        int unposted = work.periods(book.book()).stream().mapToInt(BookWork.PeriodWork::unposted).sum();
        String closed = work.lastClosed(book.book());
        String open = closed == null ? book.startPeriod() : Period.parse(closed).next().toString();
        DisclosureCalendar.Slot next = calendars.calendar(book).slots().stream()
                .filter(s -> s.status() != DisclosureCalendar.Status.PUBLISHED)
                .min(Comparator.comparing(DisclosureCalendar.Slot::dueBy)).orElse(null);
        return next == null
                ? new Row(book, unposted, open, null, null, false)
                : new Row(book, unposted, open, next.from() + " – " + next.to(), next.dueBy(),
                        next.status() == DisclosureCalendar.Status.OVERDUE);
    }
}
