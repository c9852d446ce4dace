package org.gongzhang.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongzhang.reporting.api.Amount;
import org.junit.jupiter.api.Test;

/** Amounts in a voucher's digit columns 亿 千 百 十 万 千 百 十 元 角 分. */
class DigitColumnsTest {

    @Test
    void eachDigitTakesItsColumnWithTheYuanSignBeforeTheFirst() {
        assertThat(DigitColumns.of(Amount.of(1_234_567)).digits())
                .containsExactly("", "", "", "￥", "1", "2", "3", "4", "5", "6", "7");
    }

    @Test
    void smallAmountsKeepTheirYuanColumn() {
        assertThat(DigitColumns.of(Amount.of(5)).digits())
                .containsExactly("", "", "", "", "", "", "", "￥", "0", "0", "5");
    }

    @Test
    void zeroIsLeftBlankAndARedAmountIsSigned() {
        assertThat(DigitColumns.of(Amount.ZERO).digits()).containsOnly("");
        assertThat(DigitColumns.of(Amount.of(-186_000)).digits())
                .containsExactly("", "", "", "", "-￥", "1", "8", "6", "0", "0", "0");
    }

    @Test
    void theLargestAmountFillsEveryColumnAndALargerOneIsWrittenWhole() {
        assertThat(DigitColumns.of(Amount.of(99_999_999_999L)).digits())
                .containsExactly("9", "9", "9", "9", "9", "9", "9", "9", "9", "9", "9");
        DigitColumns whole = DigitColumns.of(Amount.of(100_000_000_000L));
        assertThat(whole.digits()).containsOnly("");
        assertThat(whole.whole()).isEqualTo("1,000,000,000.00");
    }
}
