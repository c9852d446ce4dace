package org.gongzhang.service.disclosure;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;

/**
 * How often a book's statement must be published (DOMAIN §5): public income quarterly by default
 * (上海 §66, 北京 §84, 清远 §56), half-yearly (the maintenance fund's minimum, 上海 §66) or yearly
 * (宁波, 温州). Periods align to the calendar year.
 */
public enum Cadence {
    QUARTER(3), HALF_YEAR(6), YEAR(12);

    private final int months;

    Cadence(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The first month of the cadence period holding {@code month}. */
    public YearMonth periodStart(YearMonth month) {
        int index = (month.getMonthValue() - 1) / months * months;
        return YearMonth.of(month.getYear(), index + 1);
    }

    public static Optional<Cadence> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
