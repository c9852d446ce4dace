package org.gongzhang.reporting.api;

import java.time.LocalDate;

/**
 * One line of a 三栏明细账: a posted voucher line on the account or one of its descendants.
 *
 * @param date          凭证日期
 * @param voucherId     the voucher
 * @param voucherNumber 凭证字号, e.g. {@code 记-3}
 * @param summary       摘要
 * @param account       the leaf account the line is on
 * @param debit         借方
 * @param credit        贷方
 * @param side          余额方向 after the line
 * @param balance       余额 after the line, on that side
 */
public record LedgerLine(LocalDate date, String voucherId, String voucherNumber, String summary, String account,
        Amount debit, Amount credit, BalanceSide side, Amount balance) {
}
