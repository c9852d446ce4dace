package org.gongzhang.core.book.api.payload;

import java.time.LocalDate;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.period.Period;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code voucher.reversed}: 红字冲销. Creates the red voucher {@code voucherId} in the recorded
 * state, with the lines of {@code reverses} negated (see {@link org.gongzhang.core.voucher.RedVoucher}).
 *
 * @param voucherId the new red voucher's id
 * @param reverses  the posted voucher it cancels
 * @param date      the red voucher's date
 * @param reason    why
 */
public record VoucherReversed(String voucherId, String reverses, LocalDate date, String reason) {

    public static VoucherReversed from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new VoucherReversed(p.id("voucherId", RefusalCode.VOUCHER_ID_INVALID),
                p.id("reverses", RefusalCode.VOUCHER_ID_INVALID), p.date("date"), p.string("reason"));
    }

    /** The red voucher's period. */
    public Period period() {
        return Period.of(date);
    }
}
