package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code voucher.reviewed}: 审核 by someone other than the preparer.
 *
 * @param voucherId the voucher
 */
public record VoucherReviewed(String voucherId) {

    public static VoucherReviewed from(SignedEntry entry) {
        return new VoucherReviewed(PayloadReader.of(entry).id("voucherId", RefusalCode.VOUCHER_ID_INVALID));
    }
}
