package org.gongzhang.reporting.api;

/**
 * 分录: one line of a voucher.
 *
 * @param lineNo      from 1
 * @param summary     摘要
 * @param account     科目代码
 * @param accountName 科目名称
 * @param debit       借方
 * @param credit      贷方
 */
public record VoucherLineView(int lineNo, String summary, String account, String accountName, Amount debit,
        Amount credit) {
}
