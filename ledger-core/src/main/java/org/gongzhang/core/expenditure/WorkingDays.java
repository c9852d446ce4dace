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
}
