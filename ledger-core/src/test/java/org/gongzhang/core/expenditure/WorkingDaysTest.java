package org.gongzhang.core.expenditure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 工作日 are Monday to Friday, counted after the first date up to and including the second. */
class WorkingDaysTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 20);

    @Test
    void theWeekendDoesNotCount() {
        assertThat(WorkingDays.after(FRIDAY, FRIDAY.plusDays(2))).isZero();
        assertThat(WorkingDays.after(FRIDAY, FRIDAY.plusDays(3))).isEqualTo(1);
    }

    @Test
    void aWeekIsFiveWorkingDays() {
        assertThat(WorkingDays.after(FRIDAY, FRIDAY.plusWeeks(1))).isEqualTo(5);
        assertThat(WorkingDays.after(FRIDAY, FRIDAY.plusWeeks(1).plusDays(3))).isEqualTo(6);
        assertThat(WorkingDays.after(FRIDAY.plusDays(1), FRIDAY.plusWeeks(52).plusDays(1))).isEqualTo(260);
    }

    @Test
    void nothingHasPassedOnTheSameDayOrBefore() {
        assertThat(WorkingDays.after(FRIDAY, FRIDAY)).isZero();
        assertThat(WorkingDays.after(FRIDAY, FRIDAY.minusDays(3))).isZero();
    }

    @Test
    void theNthWorkingDayIsTheFirstDayOnWhichThatManyHavePassed() {
        assertThat(WorkingDays.nth(FRIDAY, 1)).isEqualTo(FRIDAY.plusDays(3));
        assertThat(WorkingDays.nth(FRIDAY, 5)).isEqualTo(FRIDAY.plusWeeks(1));
        assertThat(WorkingDays.nth(FRIDAY.plusDays(1), 1)).isEqualTo(FRIDAY.plusDays(3));
        for (LocalDate from = FRIDAY; from.isBefore(FRIDAY.plusDays(14)); from = from.plusDays(1)) {
            for (int n = 1; n <= 40; n++) {
                LocalDate day = WorkingDays.nth(from, n);
                assertThat(WorkingDays.after(from, day)).as("%s + %d", from, n).isEqualTo(n);
                assertThat(WorkingDays.after(from, day.minusDays(1))).as("%s + %d", from, n).isEqualTo(n - 1);
            }
        }
    }

    @Test
    void thereIsNoZerothWorkingDay() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> WorkingDays.nth(FRIDAY, 0));
    }
}
