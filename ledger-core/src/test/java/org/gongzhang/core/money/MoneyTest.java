package org.gongzhang.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
        "12345.67, 1234567", "0.01, 1", "1, 100", "1.5, 150", "999999999999.99, 99999999999999",
        "000000000001.10, 110", "532.00, 53200"})
    void parsesEntryAmountsIntoFen(String text, long fen) {
        assertThat(Money.parse(text).fen()).isEqualTo(fen);
    }

    @ParameterizedTest
    @CsvSource({
        "0, NOT_POSITIVE", "0.00, NOT_POSITIVE", "-1.00, NOT_POSITIVE", "-0.001, NOT_POSITIVE",
        "1.234, TOO_MANY_DECIMALS", "0.001, TOO_MANY_DECIMALS", "1.000, TOO_MANY_DECIMALS",
        "1000000000000, TOO_LARGE", "1000000000000.00, TOO_LARGE",
        "0000000000001, MALFORMED", "abc, MALFORMED", "1e3, MALFORMED", "'1,000.00', MALFORMED",
        "+1.00, MALFORMED", "1., MALFORMED", ".5, MALFORMED", "' 1.00', MALFORMED", "'', MALFORMED"})
    void refusesAmountsAnEntryMayNotCarry(String text, InvalidAmount.Problem problem) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOfSatisfying(InvalidAmount.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Money.parse(null)).isInstanceOf(InvalidAmount.class);
    }

    @ParameterizedTest
    @CsvSource({"1234567, 12345.67", "5, 0.05", "0, 0.00", "-50, -0.50", "99999999999999, 999999999999.99"})
    void formatsAsYuanWithTwoDecimals(long fen, String text) {
        assertThat(Money.ofFen(fen).format()).isEqualTo(text);
    }

    @Test
    void addsSubtractsAndNegates() {
        Money a = Money.parse("100.50");
        Money b = Money.parse("0.75");
        assertThat(a.plus(b)).isEqualTo(Money.ofFen(10125));
        assertThat(b.minus(a)).isEqualTo(Money.ofFen(-9975));
        assertThat(a.negate().isNegative()).isTrue();
        assertThat(a.plus(a.negate()).isZero()).isTrue();
    }

    @Test
    void formattingRoundTripsEveryEntryAmount() {
        for (String text : new String[] {"0.01", "10.10", "999999999999.99", "7.00"}) {
            assertThat(Money.parse(text).format()).isEqualTo(text);
        }
    }

    @Test
    void overflowIsRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
    }

    /**
     * The parser scans by hand; the entry form is 1 to 12 digits, then maybe a point and 1 or 2 digits,
     * and positive. Random strings over digits, points, signs and look-alikes (a full-width and an
     * Arabic-Indic digit) must be accepted exactly when they are in that form, at the same value.
     */
    @Test
    void acceptsExactlyTheEntryFormAtItsDecimalValue() {
        Pattern form = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
        char[] alphabet = "0123456789000.-+ e\uFF11\u0661".toCharArray();
        Random random = new Random(42);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(17);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(random.nextBoolean() ? 10 : alphabet.length)]);
            }
            String candidate = text.toString();
            boolean valid = form.matcher(candidate).matches() && new BigDecimal(candidate).signum() > 0;
            if (valid) {
                accepted++;
                long fen = new BigDecimal(candidate).movePointRight(2).longValueExact();
                assertThat(Money.parse(candidate).fen()).as(candidate).isEqualTo(fen);
            } else {
                assertThatThrownBy(() -> Money.parse(candidate)).as(candidate).isInstanceOf(InvalidAmount.class);
            }
        }
        assertThat(accepted).as("valid amounts among the random strings").isGreaterThan(10_000);
    }
}
