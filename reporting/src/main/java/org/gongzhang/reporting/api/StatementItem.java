package org.gongzhang.reporting.api;

import java.time.LocalDate;

/**
 * One itemised spending at or above the threshold: an expense line of a posted voucher, cited by
 * the entry that posted it.
 *
 * @param entry         index of the {@code voucher.posted} entry
 * @param voucherId     the voucher
 * @param voucherNumber its 凭证字号, e.g. {@code 付-3}
 * @param date          凭证日期
 * @param account       科目代码
 * @param name          科目名称
 * @param summary       the voucher's 摘要
 * @param amount        the amount (negative on a red voucher)
 */
public record StatementItem(long entry, String voucherId, String voucherNumber, LocalDate date, String account,
        String name, String summary, Amount amount) {
}
