package org.gongzhang.reporting.format;

/**
 * 大写金额: an amount written in the financial numerals that vouchers, cheques and statements
 * print under their totals so that no digit can be altered, e.g. 1,409.50 → 壹仟肆佰零玖元伍角.
 *
 * <p>The conventions (DOMAIN.md §6, after 用友 / 金蝶 and the PBOC rules for filling in
 * instruments): {@code 整} follows an amount that ends at 元, not at 角 or 分; a run of zeros inside
 * the number reads as one {@code 零}, as does a zero 元 or 角 before a 角 or 分 (107,000.53 →
 * 壹拾万柒仟元零伍角叁分); a zero 万 place before a non-zero 仟 is not read (壹拾万柒仟); a leading
 * 拾 is written 壹拾; a negative (红字) amount starts with {@code 负}.
 */
public final class ChineseAmount {

    /** 999,999,999,999.99 yuan in 分, the largest amount a ledger entry may carry. */
    public static final long MAX_FEN = 99_999_999_999_999L;

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final int YUAN_DIGITS = 12;

    private ChineseAmount() {
    }

    /** The amount of {@code fen} 分 in 大写; at most {@link #MAX_FEN} either way. */
    public static String of(long fen) {
        if (fen > MAX_FEN || fen < -MAX_FEN) {
            throw new IllegalArgumentException("amount beyond ±999,999,999,999.99: " + fen + " 分");
        }
        if (fen == 0) {
            return "零元整";
        }
        long abs = Math.abs(fen);
        int[] digits = digits(abs);
        StringBuilder words = new StringBuilder(fen < 0 ? "负" : "");
        int start = words.length();
        for (int place = YUAN_DIGITS - 1; place >= -2; place--) {
            int digit = digit(digits, place);
            if (digit != 0) {
                if (words.length() > start && digit(digits, place + 1) == 0 && !afterWholeSection(digits, place)) {
                    words.append('零');
                }
                words.append(DIGITS[digit]).append(unit(place));
            }
            if (place == 8 || place == 4) {
                appendSectionUnit(words, digits, place);
            }
            if (place == 0 && abs >= 100) {
                words.append('元');
            }
        }
        if (abs % 100 == 0) {
            words.append('整');
        }
        return words.toString();
    }

    /** Digits by place: index {@code place + 2}, so 分 is 0, 角 1, 元 2, 拾 3 … */
    private static int[] digits(long fen) {
        int[] digits = new int[YUAN_DIGITS + 2];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = (int) (fen % 10);
            fen /= 10;
        }
        return digits;
    }

    private static int digit(int[] digits, int place) {
        int i = place + 2;
        return i < digits.length ? digits[i] : 0;
    }

    private static String unit(int place) {
        return switch (place) {
            case -1 -> "角";
            case -2 -> "分";
            default -> PLACES[place % 4];
        };
    }

    /** A 仟 digit right after a non-zero 万 or 亿 section: the section's unit already separates them. */
    private static boolean afterWholeSection(int[] digits, int place) {
        return place >= 3 && place % 4 == 3 && place + 4 < YUAN_DIGITS && sectionValue(digits, place + 1) != 0;
    }

    private static int sectionValue(int[] digits, int lowestPlace) {
        int value = 0;
        for (int place = lowestPlace + 3; place >= lowestPlace; place--) {
            value = value * 10 + digit(digits, place);
        }
        return value;
    }

    private static void appendSectionUnit(StringBuilder words, int[] digits, int place) {
        if (sectionValue(digits, place) != 0) {
            words.append(place == 8 ? '亿' : '万');
        }
    }
}
