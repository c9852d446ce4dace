package org.gongzhang.core.tender;

/**
 * 统一社会信用代码: the 18-character code every registered Chinese organization carries
 * (GB 32100-2015). Characters come from a 31-letter alphabet without I, O, S, V and Z; the last
 * one is a check character over the first 17 (weights 3^i mod 31, check = 31 − sum mod 31).
 * A code that passes is well formed, not proof that the company exists.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    private CreditCode() {
    }

    /** True for an 18-character code of the GB 32100-2015 alphabet whose check character holds. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            if (i < WEIGHTS.length) {
                sum += value * WEIGHTS[i];
            } else {
                return value == (31 - sum % 31) % 31;
            }
        }
        return false;
    }
}
