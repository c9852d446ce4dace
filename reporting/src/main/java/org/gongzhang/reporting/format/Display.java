package org.gongzhang.reporting.format;

import java.time.LocalDate;
import java.time.YearMonth;
import org.gongzhang.core.period.Period;

/**
 * How reports print figures for people (单位：元): amounts grouped by thousands with two decimals,
 * dates and periods in Chinese. Machines read the integer 分 and ISO forms instead.
 */
public final class Display {

    private Display() {
    }

    /** {@code 1234567} 分 → {@code 12,345.67}; a red (negative) amount keeps its minus sign. */
    public static String amount(long fen) {
        String digits = Long.toString(Math.abs(fen / 100));
        StringBuilder grouped = new StringBuilder(digits);
        for (int i = digits.length() - 3; i > 0; i -= 3) {
            grouped.insert(i, ',');
        }
        long cents = Math.abs(fen % 100);
        return (fen < 0 ? "-" : "") + grouped + '.' + (cents < 10 ? "0" : "") + cents;
    }

    /** {@code 2026-10-31} → {@code 2026年10月31日}. */
    public static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** {@code 2026-03} → {@code 2026年3月}. */
    public static String period(Period period) {
        return period.year() + "年" + period.month() + "月";
    }

    /** {@code 2026-03} → {@code 2026年3月}. */
    public static String period(YearMonth month) {
        return period(Period.of(month));
    }
}
