package org.gongzhang.reporting.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.gongzhang.core.period.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Figures as people read them on a report (单位：元). */
class DisplayTest {

    @ParameterizedTest(name = "{0} 分 → {1}")
    @CsvSource(delimiter = '|', value = {
            "1234567         | 12,345.67",
            "0               | 0.00",
            "5               | 0.05",
            "-50             | -0.50",
            "100000          | 1,000.00",
            "99999           | 999.99",
            "-186000         | -1,860.00",
            "12345678900     | 123,456,789.00",
            "99999999999999  | 999,999,999,999.99"})
    void amountsAreGroupedByThousandsWithTwoDecimals(long fen, String shown) {
        assertThat(Display.amount(fen)).isEqualTo(shown);
    }

    @Test
    void datesAndPeriodsReadInChinese() {
        assertThat(Display.date(LocalDate.of(2026, 10, 31))).isEqualTo("2026年10月31日");
        assertThat(Display.date(LocalDate.of(2026, 3, 5))).isEqualTo("2026年3月5日");
        assertThat(Display.period(Period.parse("2026-03"))).isEqualTo("2026年3月");
        assertThat(Display.period(YearMonth.of(2025, 12))).isEqualTo("2025年12月");
    }
}
