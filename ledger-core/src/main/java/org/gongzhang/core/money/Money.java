package org.gongzhang.core.money;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 金额: an amount of 人民币 in integer 分 (cents). Entries write positive amounts as yuan strings
 * ({@code "12345.67"}); inside the ledger an amount may be negative, as on a red voucher (红字).
 *
 * <p>Serialized (e.g. in a book snapshot) as {@code {"fen": 1234567}}.
 *
 * @param fen the amount in 分
 */
@JsonAutoDetect(isGetterVisibility = Visibility.NONE)
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    /** {@code 999999999999.99} yuan, the largest amount an entry may carry. */
    public static final Money MAX_ENTRY_AMOUNT = new Money(99_999_999_999_999L);

    private static final Pattern DECIMAL = Pattern.compile("(-?)(\\d+)(?:\\.(\\d+))?");
    private static final Pattern ENTRY_FORM = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /**
     * Parses an entry amount: a positive yuan string with at most two decimals and at most
     * {@code 999999999999.99}. Throws {@link InvalidAmount} naming the first problem.
     */
    public static Money parse(String text) {
        long fen = entryForm(text);
        if (fen > 0) {
            return new Money(fen);
        }
        return refuse(text);
    }

    /**
     * The fen of {@code text} when it is in an entry's form (1 to 12 ASCII digits, then maybe a
     * point and 1 or 2 digits), else -1; 0 for a zero amount. A single pass without a regex: every
     * voucher line of every append and every replayed event comes through here.
     */
    private static long entryForm(String text) {
        int length = text == null ? 0 : text.length();
        int point = text == null ? -1 : text.indexOf('.');
        int whole = point < 0 ? length : point;
        int decimals = point < 0 ? 0 : length - point - 1;
        if (whole < 1 || whole > 12 || (point >= 0 && (decimals < 1 || decimals > 2))) {
            return -1;
        }
        long yuan = 0;
        for (int i = 0; i < whole; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            yuan = yuan * 10 + (c - '0');
        }
        long cents = 0;
        for (int i = 0; i < 2; i++) {
            char c = i < decimals ? text.charAt(point + 1 + i) : '0';
            if (c < '0' || c > '9') {
                return -1;
            }
            cents = cents * 10 + (c - '0');
        }
        return yuan * 100 + cents;
    }

    /** Why {@code text}, not in an entry's form or zero, is refused: the first problem, as {@link #parse} documents. */
    private static Money refuse(String text) {
        Matcher m = text == null ? null : DECIMAL.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidAmount(InvalidAmount.Problem.MALFORMED, text);
        }
        String decimals = m.group(3) == null ? "" : m.group(3);
        if (!m.group(1).isEmpty() || isZero(m.group(2), decimals)) {
            throw new InvalidAmount(InvalidAmount.Problem.NOT_POSITIVE, text);
        }
        if (decimals.length() > 2) {
            throw new InvalidAmount(InvalidAmount.Problem.TOO_MANY_DECIMALS, text);
        }
        if (m.group(2).replaceFirst("^0+(?=\\d)", "").length() > 12) {
            throw new InvalidAmount(InvalidAmount.Problem.TOO_LARGE, text);
        }
        if (!ENTRY_FORM.matcher(text).matches()) {
            throw new InvalidAmount(InvalidAmount.Problem.MALFORMED, text);
        }
        return new Money(Long.parseLong(m.group(2)) * 100 + Long.parseLong((decimals + "00").substring(0, 2)));
    }

    private static boolean isZero(String whole, String decimals) {
        return (whole + decimals).chars().allMatch(c -> c == '0');
    }

    /** Yuan with exactly two decimals and no grouping, e.g. {@code 12345.67} or {@code -0.50}. */
    public String format() {
        long abs = Math.abs(fen);
        return (fen < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return format();
    }
}
