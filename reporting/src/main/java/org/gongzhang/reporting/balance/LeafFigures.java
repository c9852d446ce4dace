package org.gongzhang.reporting.balance;

/**
 * What the read model holds for one leaf account over a trial balance's periods, in 分.
 *
 * @param openingNet       期初余额 as debit minus credit
 * @param periodDebit      本期借方发生额
 * @param periodCredit     本期贷方发生额
 * @param yearToDateDebit  本年累计借方发生额
 * @param yearToDateCredit 本年累计贷方发生额
 */
public record LeafFigures(long openingNet, long periodDebit, long periodCredit, long yearToDateDebit,
        long yearToDateCredit) {

    public static final LeafFigures NONE = new LeafFigures(0, 0, 0, 0, 0);

    LeafFigures plus(LeafFigures other) {
        return new LeafFigures(Math.addExact(openingNet, other.openingNet),
                Math.addExact(periodDebit, other.periodDebit), Math.addExact(periodCredit, other.periodCredit),
                Math.addExact(yearToDateDebit, other.yearToDateDebit),
                Math.addExact(yearToDateCredit, other.yearToDateCredit));
    }

    long closingNet() {
        return Math.addExact(openingNet, Math.subtractExact(periodDebit, periodCredit));
    }
}
