package org.gongzhang.reporting.pdf;

import java.util.Arrays;
import java.util.Map;
import org.gongzhang.reporting.api.Amount;

/**
 * An amount written into a voucher's digit columns 亿 千 百 十 万 千 百 十 元 角 分, one digit per
 * column, with ￥ in the column before the first digit (−￥ for a red amount), as on paper
 * vouchers. Nothing is written for zero; an amount too large for the columns is written whole.
 */
record DigitColumns(String[] digits, String whole) {

    static final int COLUMNS = 11;
    private static final long LIMIT = 100_000_000_000L;

    static DigitColumns of(Amount amount) {
        String[] digits = new String[COLUMNS];
        Arrays.fill(digits, "");
        long fen = Math.abs(amount.fen());
        if (fen == 0) {
            return new DigitColumns(digits, "");
        }
        if (fen >= LIMIT) {
            return new DigitColumns(digits, amount.yuan());
        }
        String written = Long.toString(fen);
        int first = COLUMNS - Math.max(written.length(), 3);
        String padded = "0".repeat(Math.max(0, 3 - written.length())) + written;
        for (int i = 0; i < padded.length(); i++) {
            digits[first + i] = String.valueOf(padded.charAt(i));
        }
        if (first > 0) {
            digits[first - 1] = amount.fen() < 0 ? "-￥" : "￥";
        }
        return new DigitColumns(digits, "");
    }

    /** Puts the columns into {@code fields} as {@code prefix0} … {@code prefix10} and {@code prefixWhole}. */
    void into(String prefix, Map<String, Object> fields) {
        for (int i = 0; i < COLUMNS; i++) {
            fields.put(prefix + i, digits[i]);
        }
        fields.put(prefix + "Whole", whole);
    }
}
