package org.gongzhang.reporting.api;

/**
 * A 借方 / 贷方 pair of columns.
 *
 * @param debit  借方
 * @param credit 贷方
 */
public record Sides(Amount debit, Amount credit) {

    public static final Sides NONE = of(0, 0);

    public static Sides of(long debit, long credit) {
        return new Sides(Amount.of(debit), Amount.of(credit));
    }

    /** A balance (debit minus credit) in the column of the side it stands on. */
    public static Sides balance(long netDebit) {
        return netDebit >= 0 ? of(netDebit, 0) : of(0, Math.negateExact(netDebit));
    }

    public Sides plus(Sides other) {
        return of(Math.addExact(debit.fen(), other.debit.fen()), Math.addExact(credit.fen(), other.credit.fen()));
    }

    /** True when both columns hold the same amount. */
    public boolean even() {
        return debit.fen() == credit.fen();
    }
}
