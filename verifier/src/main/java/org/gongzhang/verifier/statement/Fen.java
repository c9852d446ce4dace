package org.gongzhang.verifier.statement;

import java.math.BigDecimal;

/** Amounts as integer 分, read from and written as the entries' decimal strings ("12345.67"). */
public final class Fen {

    private Fen() {
    }

    /** Parses a yuan amount with at most two decimals; refuses anything else. */
    public static long parse(String yuan) {
        try {
            BigDecimal value = new BigDecimal(yuan);
            if (value.scale() > 2) {
                throw new IllegalArgumentException("more than two decimals: " + yuan);
            }
            return value.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not an amount: " + yuan);
        }
    }

    /** Writes 分 as yuan with exactly two decimals, e.g. {@code -1234.50}. */
    public static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
