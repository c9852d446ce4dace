package org.gongzhang.reporting.api;

/**
 * 合计 of the 科目余额表 over the 一级科目, so nothing is counted twice.
 *
 * @param opening    期初余额
 * @param period     本期发生额
 * @param yearToDate 本年累计发生额
 * @param closing    期末余额
 */
public record TrialBalanceTotals(Sides opening, Sides period, Sides yearToDate, Sides closing) {

    public static final TrialBalanceTotals NONE = new TrialBalanceTotals(Sides.NONE, Sides.NONE, Sides.NONE, Sides.NONE);

    public TrialBalanceTotals plus(TrialBalanceRow row) {
        return new TrialBalanceTotals(opening.plus(row.opening()), period.plus(row.period()),
                yearToDate.plus(row.yearToDate()), closing.plus(row.closing()));
    }

    /** 试算平衡: debits equal credits in every pair of columns. */
    public boolean balanced() {
        return opening.even() && period.even() && yearToDate.even() && closing.even();
    }
}
