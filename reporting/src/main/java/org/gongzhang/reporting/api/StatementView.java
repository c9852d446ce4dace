package org.gongzhang.reporting.api;

import java.util.List;

/**
 * The figures of a 公共收益收支公示表 for the periods {@code from}…{@code to}: the fund's balance
 * (assets less liabilities) before and after, income and expenses by leaf account, the transfer to
 * the maintenance fund (转入维修资金) on its own line, and the spending itemised at or above the
 * threshold. The offline verifier computes the same figures from the entries alone.
 *
 * @param book                      the book
 * @param bookName                  the book's name
 * @param from                      first period
 * @param to                        last period
 * @param itemThreshold             spending at or above it is itemised
 * @param appliedIndex              the last entry of the book's log the read model has applied
 * @param openingBalance            期初结余
 * @param income                    收入 by account
 * @param totalIncome               收入合计
 * @param expenses                  支出 by account
 * @param totalExpenses             支出合计
 * @param transferToMaintenanceFund 转入维修资金
 * @param closingBalance            期末结余
 * @param closingInWords            期末结余 in 大写
 * @param items                     itemised spending in posting order
 */
public record StatementView(String book, String bookName, String from, String to, Amount itemThreshold,
        long appliedIndex, Amount openingBalance, List<StatementCategory> income, Amount totalIncome,
        List<StatementCategory> expenses, Amount totalExpenses, Amount transferToMaintenanceFund,
        Amount closingBalance, String closingInWords, List<StatementItem> items) {

    public StatementView {
        income = List.copyOf(income);
        expenses = List.copyOf(expenses);
        items = List.copyOf(items);
    }
}
