package org.gongzhang.reporting.balance;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.account.Account;
import org.gongzhang.reporting.api.Sides;
import org.gongzhang.reporting.api.TrialBalanceRow;
import org.gongzhang.reporting.api.TrialBalanceTotals;

/**
 * The arithmetic of the 科目余额表. A code names its ancestors, so an account's figures are the sum
 * over the leaf accounts whose codes start with it; the closing balance is the opening balance plus
 * debits minus credits; a balance stands in the column of its side; totals run over the 一级科目.
 */
public final class TrialBalance {

    private TrialBalance() {
    }

    /** One row per account of {@code chart}, by code, from the leaf accounts' figures. */
    public static List<TrialBalanceRow> rows(Collection<Account> chart, Map<String, LeafFigures> leaves) {
        return chart.stream().sorted(Comparator.comparing(Account::code))
                .map(account -> row(account, isLeaf(account, chart), rolledUp(account, leaves)))
                .toList();
    }

    /** 合计 over the 一级科目. */
    public static TrialBalanceTotals totals(List<TrialBalanceRow> rows) {
        TrialBalanceTotals totals = TrialBalanceTotals.NONE;
        for (TrialBalanceRow row : rows) {
            if (row.level() == 1) {
                totals = totals.plus(row);
            }
        }
        return totals;
    }

    private static LeafFigures rolledUp(Account account, Map<String, LeafFigures> leaves) {
        String code = account.code().value();
        return leaves.entrySet().stream().filter(e -> e.getKey().startsWith(code)).map(Map.Entry::getValue)
                .reduce(LeafFigures.NONE, LeafFigures::plus);
    }

    private static TrialBalanceRow row(Account account, boolean leaf, LeafFigures figures) {
        return new TrialBalanceRow(account.code().value(), account.name(), account.code().level(), leaf,
                account.enabled(), account.direction().name(), Sides.balance(figures.openingNet()),
                Sides.of(figures.periodDebit(), figures.periodCredit()),
                Sides.of(figures.yearToDateDebit(), figures.yearToDateCredit()), Sides.balance(figures.closingNet()));
    }

    private static boolean isLeaf(Account account, Collection<Account> chart) {
        return chart.stream().noneMatch(other -> account.code().equals(other.parent()));
    }
}
