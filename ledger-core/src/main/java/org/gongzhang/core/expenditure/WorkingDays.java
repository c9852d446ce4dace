package org.gongzhang.core.expenditure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 工作日: Monday to Friday. There is no holiday calendar (法定节假日 and 调休 are not known), so a
 * deadline over a public holiday falls due earlier than a person would count it.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public static long after(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long weeks = ChronoUnit.DAYS.between(from, to) / 7;
        long count = weeks * 5;
        for (LocalDate day = from.plusWeeks(weeks).plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }

    /**
     * The day on which the {@code n}-th working day after {@code from} falls: the first date
     * {@code d} with {@code after(from, d) == n} (a working day). {@code n} is at least 1.
     */
    public static LocalDate nth(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        LocalDate day = from.plusWeeks((n - 1) / 5);
        long left = n - (long) ((n - 1) / 5) * 5;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
