package org.gongzhang.reporting.api;

import java.util.List;

/**
 * 科目余额表 of a book for the periods {@code from}…{@code to}.
 *
 * @param book         the book
 * @param bookName     the book's name
 * @param from         first period, {@code yyyy-MM}
 * @param to           last period
 * @param appliedIndex the last entry of the book's log the read model has applied
 * @param rows         every account of the chart, by code
 * @param totals       合计 over the 一级科目
 * @param balanced     true when every pair of total columns agrees
 */
public record TrialBalanceView(String book, String bookName, String from, String to, long appliedIndex,
        List<TrialBalanceRow> rows, TrialBalanceTotals totals, boolean balanced) {

    public TrialBalanceView {
        rows = List.copyOf(rows);
    }
}
