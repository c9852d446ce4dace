package org.gongzhang.service.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.gongzhang.service.disclosure.DisclosureCalendar.Slot;
import org.gongzhang.service.disclosure.DisclosureCalendar.Status;
import org.junit.jupiter.api.Test;

class DisclosureCalendarTest {

    @Test
    void aQuarterIsOwedOnceItEndsDueAfterTheGraceDaysAndOverdueAfterThat() {
        YearMonth start = YearMonth.of(2026, 1);
        assertThat(DisclosureCalendar.slots(start, LocalDate.of(2026, 3, 31), Cadence.QUARTER, 15, Map.of())).isEmpty();
        assertThat(DisclosureCalendar.slots(start, LocalDate.of(2026, 4, 15), Cadence.QUARTER, 15, Map.of()))
                .containsExactly(new Slot(start, YearMonth.of(2026, 3), LocalDate.of(2026, 4, 15), Status.DUE, null));
        assertThat(DisclosureCalendar.slots(start, LocalDate.of(2026, 4, 16), Cadence.QUARTER, 15, Map.of()))
                .extracting(Slot::status).containsExactly(Status.OVERDUE);
        assertThat(DisclosureCalendar.slots(start, LocalDate.of(2026, 4, 16), Cadence.QUARTER, 15, Map.of("2026-01/2026-03", LocalDate.of(2026, 4, 10))))
                .extracting(Slot::status).containsExactly(Status.PUBLISHED);
    }

    @Test
    void aBookStartingMidPeriodOwesTheRestOfThatPeriod() {
        List<Slot> slots = DisclosureCalendar.slots(YearMonth.of(2025, 12), LocalDate.of(2026, 7, 20), Cadence.QUARTER, 15,
                Map.of("2025-12/2025-12", LocalDate.of(2026, 1, 10)));
        assertThat(slots).extracting(s -> s.from() + "/" + s.to() + " " + s.status())
                .containsExactly("2025-12/2025-12 PUBLISHED", "2026-01/2026-03 OVERDUE", "2026-04/2026-06 OVERDUE");
    }

    @Test
    void halfYearsAndYearsAlignToTheCalendar() {
        assertThat(DisclosureCalendar.slots(YearMonth.of(2025, 3), LocalDate.of(2026, 1, 20), Cadence.HALF_YEAR, 30, Map.of()))
                .extracting(s -> s.from() + "/" + s.to() + " " + s.status())
                .containsExactly("2025-03/2025-06 OVERDUE", "2025-07/2025-12 DUE");
        assertThat(DisclosureCalendar.slots(YearMonth.of(2025, 3), LocalDate.of(2026, 2, 1), Cadence.YEAR, 30, Map.of()))
                .extracting(s -> s.from() + "/" + s.to() + " " + s.status()).containsExactly("2025-03/2025-12 OVERDUE");
        assertThat(DisclosureCalendar.slots(YearMonth.of(2025, 3), LocalDate.of(2026, 1, 30), Cadence.YEAR, 30, Map.of()))
                .extracting(Slot::status).containsExactly(Status.DUE);
    }

    @Test
    void aStatementForAnotherRangeDoesNotCount() {
        assertThat(DisclosureCalendar.slots(YearMonth.of(2026, 1), LocalDate.of(2026, 5, 1), Cadence.QUARTER, 15,
                Map.of("2026-01/2026-02", LocalDate.of(2026, 3, 10), "2026-01/2026-06",
                        LocalDate.of(2026, 4, 10)))).extracting(Slot::status).containsExactly(Status.OVERDUE);
    }

    @Test
    void aStatementPublishedAfterItsDueDateIsLate() {
        YearMonth start = YearMonth.of(2026, 1);
        assertThat(DisclosureCalendar.slots(start, LocalDate.of(2026, 6, 1), Cadence.QUARTER, 15,
                Map.of("2026-01/2026-03", LocalDate.of(2026, 4, 15)))).singleElement()
                .satisfies(s -> assertThat(s.late()).isFalse());
        assertThat(DisclosureCalendar.slots(start, LocalDate.of(2026, 6, 1), Cadence.QUARTER, 15,
                Map.of("2026-01/2026-03", LocalDate.of(2026, 4, 16)))).singleElement()
                .satisfies(s -> assertThat(s.late()).isTrue())
                .extracting(Slot::status).isEqualTo(Status.PUBLISHED);
        assertThat(DisclosureCalendar.slots(start, LocalDate.of(2026, 6, 1), Cadence.QUARTER, 15, Map.of()))
                .singleElement().satisfies(s -> assertThat(s.late()).isFalse());
    }
}
