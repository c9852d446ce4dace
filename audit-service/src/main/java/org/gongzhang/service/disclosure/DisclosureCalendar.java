package org.gongzhang.service.disclosure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 公示日历: the statements a book owes, from its first period to today. A period is owed once it has
 * ended; it is due {@code graceDays} after its end and overdue after that until a statement
 * covering exactly it has been published. Pure: the caller brings today and what was published.
 */
public final class DisclosureCalendar {

    /** Where one owed statement stands. */
    public enum Status { PUBLISHED, DUE, OVERDUE }

    /**
     * One owed statement: its periods, when it is due, where it stands and, once published, the day
     * it was first published (公示期 start).
     */
    public record Slot(YearMonth from, YearMonth to, LocalDate dueBy, Status status, LocalDate publishedOn) {

        /** 逾期公示: published, but after the day it was due. */
        public boolean late() {
            return publishedOn != null && publishedOn.isAfter(dueBy);
        }
    }

    private DisclosureCalendar() {
    }

    /**
     * @param start     the book's first period
     * @param today     today on the compound's calendar
     * @param cadence   how often
     * @param graceDays days after a period's end by which its statement must be published
     * @param published the (from, to) ranges with a published statement, as "yyyy-MM/yyyy-MM", each
     *                  with the day it was first published
     */
    public static List<Slot> slots(YearMonth start, LocalDate today, Cadence cadence, int graceDays,
            Map<String, LocalDate> published) {
        List<Slot> slots = new ArrayList<>();
        YearMonth from = cadence.periodStart(start);
        while (true) {
            YearMonth to = from.plusMonths(cadence.months() - 1L);
            LocalDate end = to.atEndOfMonth();
            if (!today.isAfter(end)) {
                return slots;
            }
            YearMonth first = from.isBefore(start) ? start : from;
            LocalDate dueBy = end.plusDays(graceDays);
            LocalDate publishedOn = published.get(first + "/" + to);
            Status status = publishedOn != null ? Status.PUBLISHED
                    : today.isAfter(dueBy) ? Status.OVERDUE : Status.DUE;
            slots.add(new Slot(first, to, dueBy, status, publishedOn));
            from = from.plusMonths(cadence.months());
        }
    }
}
