package org.gongzhang.verifier.statement;

import java.time.LocalDate;
import java.util.List;

/**
 * A voucher as posted (记账) in a book's log.
 *
 * @param voucherId   the voucher's id
 * @param postedAt    index of its {@code voucher.posted} entry
 * @param date        the voucher date; its month is the period
 * @param word        凭证字
 * @param summary     the first line's 摘要
 * @param lines       its lines, amounts in 分 as net debit (a credit is negative)
 * @param red         true for a red reversal (红字冲销), whose amounts are the original's negated
 */
public record PostedVoucher(String voucherId, long postedAt, LocalDate date, String word, String summary,
        List<Line> lines, boolean red) {

    /** One line: account code and its net debit in 分. */
    public record Line(String account, long netDebit) {
    }
}
