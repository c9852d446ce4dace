package org.gongzhang.core.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @Test
    void aDateBelongsToTheMonthItFallsIn() {
        assertThat(Period.of(LocalDate.of(2026, 3, 31))).isEqualTo(Period.parse("2026-03"));
    }

    @Test
    void periodsFollowEachOtherAcrossTheYearEnd() {
        assertThat(Period.parse("2025-12").next()).isEqualTo(Period.parse("2026-01"));
        assertThat(Period.parse("2026-01").previous()).isEqualTo(Period.parse("2025-12"));
        assertThat(Period.parse("2025-12").isBefore(Period.parse("2026-01"))).isTrue();
    }

    @Test
    void printsAsYearDashMonth() {
        assertThat(Period.parse("2026-03")).hasToString("2026-03");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-3", "202603", "2026-00", "26-03", "2026-03-01"})
    void refusesAnythingButYearDashMonth(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
