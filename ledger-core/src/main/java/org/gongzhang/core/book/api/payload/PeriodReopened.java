package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.period.Period;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code period.reopened}: 反结账 of the latest closed period, privileged and logged.
 *
 * @param period the period
 * @param reason why
 */
public record PeriodReopened(Period period, String reason) {

    public static PeriodReopened from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new PeriodReopened(p.period("period"), p.string("reason"));
    }
}
