package org.gongzhang.reporting.ledger;

import java.time.LocalDate;

/**
 * A posted voucher line as the 明细账 reads it from the read model, in 分.
 *
 * @param date          凭证日期
 * @param voucherId     the voucher
 * @param voucherNumber 凭证字号, e.g. {@code 付-4}
 * @param summary       摘要
 * @param account       the leaf account
 * @param debit         借方
 * @param credit        贷方
 */
public record PostedLine(LocalDate date, String voucherId, String voucherNumber, String summary, String account,
        long debit, long credit) {
}
