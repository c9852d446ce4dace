package org.gongzhang.reporting.api;

import java.util.List;

/**
 * 三栏明细账 (借方 / 贷方 / 余额) of one account for the periods {@code from}…{@code to}.
 *
 * @param book           the book
 * @param account        科目代码
 * @param accountName    科目名称
 * @param direction      the account's 余额方向
 * @param from           first period
 * @param to             last period
 * @param appliedIndex   the last entry of the book's log the read model has applied
 * @param openingSide    期初余额's side
 * @param opening        期初余额
 * @param lines          the posted lines in date and posting order, each with the running balance
 * @param debitTotal     本期借方合计
 * @param creditTotal    本期贷方合计
 * @param closingSide    期末余额's side
 * @param closing        期末余额
 */
public record AccountLedgerView(String book, String account, String accountName, String direction, String from,
        String to, long appliedIndex, BalanceSide openingSide, Amount opening, List<LedgerLine> lines,
        Amount debitTotal, Amount creditTotal, BalanceSide closingSide, Amount closing) {

    public AccountLedgerView {
        lines = List.copyOf(lines);
    }
}
