package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code voucher.posted}: 记账. The 凭证号 is not in the payload: it is derived from the log and
 * carried by {@link org.gongzhang.core.book.api.VoucherPostedEvent}.
 *
 * @param voucherId the voucher
 */
public record VoucherPosted(String voucherId) {

    public static VoucherPosted from(SignedEntry entry) {
        return new VoucherPosted(PayloadReader.of(entry).id("voucherId", RefusalCode.VOUCHER_ID_INVALID));
    }
}
