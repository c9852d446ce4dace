package org.gongzhang.reporting.pdf;

import org.gongzhang.reporting.api.Sides;
import org.gongzhang.reporting.api.TrialBalanceRow;
import org.gongzhang.reporting.api.TrialBalanceTotals;
import org.gongzhang.reporting.api.TrialBalanceView;

/**
 * Fills {@code trial-balance.jrxml}: the 科目余额表, one line per account (一级科目 in bold, lower
 * levels indented, zero amounts left blank), 合计 over the 一级科目, and whether it balances.
 */
final class TrialBalancePrint {

    private static final String INDENT = "\u3000";
    private static final String[] COLUMNS = {"opening", "period", "yearToDate", "closing"};

    private TrialBalancePrint() {
    }

    static Filling of(TrialBalanceView view, ReportText text) {
        Filling filling = new Filling()
                .parameter("periods", text.periods(view.from(), view.to()))
                .parameter("book", text.labelOrDash("report.book", view.bookName()))
                .parameter("verdict", text.label(view.balanced() ? "trialBalance.balanced" : "trialBalance.unbalanced"))
                .parameter("balanced", view.balanced());
        TrialBalanceTotals totals = view.totals();
        Sides[] totalSides = {totals.opening(), totals.period(), totals.yearToDate(), totals.closing()};
        for (int i = 0; i < COLUMNS.length; i++) {
            filling.parameter(COLUMNS[i] + "Debit", totalSides[i].debit().yuan())
                    .parameter(COLUMNS[i] + "Credit", totalSides[i].credit().yuan());
        }
        for (TrialBalanceRow row : view.rows()) {
            String name = INDENT.repeat(row.level() - 1) + row.name()
                    + (row.enabled() ? "" : text.label("trialBalance.disabled"));
            Sides[] sides = {row.opening(), row.period(), row.yearToDate(), row.closing()};
            Object[] fields = new Object[4 + 4 * COLUMNS.length];
            fields[0] = "code";
            fields[1] = row.code();
            fields[2] = "name";
            fields[3] = name;
            for (int i = 0; i < COLUMNS.length; i++) {
                fields[4 + 4 * i] = COLUMNS[i] + "Debit";
                fields[5 + 4 * i] = ReportText.blankIfZero(sides[i].debit());
                fields[6 + 4 * i] = COLUMNS[i] + "Credit";
                fields[7 + 4 * i] = ReportText.blankIfZero(sides[i].credit());
            }
            filling.row(row.level() == 1 ? "TOP" : "SUB", fields);
        }
        return filling;
    }
}
