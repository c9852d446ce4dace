package org.gongzhang.core.book;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates (业务日期) are judged on the compound's wall calendar, Beijing time. */
final class BusinessCalendar {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessCalendar() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
