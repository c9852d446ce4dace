package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code voucher.voided}: 作废 of an unposted voucher, which stays in the log.
 *
 * @param voucherId the voucher
 * @param reason    why
 */
public record VoucherVoided(String voucherId, String reason) {

    public static VoucherVoided from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new VoucherVoided(p.id("voucherId", RefusalCode.VOUCHER_ID_INVALID), p.string("reason"));
    }
}
