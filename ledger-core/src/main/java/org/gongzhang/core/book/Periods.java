package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Optional;
import org.gongzhang.core.period.Period;

/**
 * 会计期间 of a book: the first one (启用期间) and how far 结账 has gone. Periods close in order,
 * so the closed ones are always {@code start … lastClosed}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class Periods {

    private Period start;
    private Period lastClosed;

    Periods() {
    }

    Periods(Period start) {
        this.start = start;
    }

    Period start() {
        return start;
    }

    Optional<Period> lastClosed() {
        return Optional.ofNullable(lastClosed);
    }

    boolean isClosed(Period period) {
        return lastClosed != null && !period.isAfter(lastClosed);
    }

    /** The only period that may be closed next. */
    Period nextToClose() {
        return lastClosed == null ? start : lastClosed.next();
    }

    void close(Period period) {
        lastClosed = period;
    }

    void reopen(Period period) {
        lastClosed = period.equals(start) ? null : period.previous();
    }
}
