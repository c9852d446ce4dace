package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.period.Period;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code period.closed}: 结账, the period is locked.
 *
 * @param period the period
 */
public record PeriodClosed(Period period) {

    public static PeriodClosed from(SignedEntry entry) {
        return new PeriodClosed(PayloadReader.of(entry).period("period"));
    }
}
