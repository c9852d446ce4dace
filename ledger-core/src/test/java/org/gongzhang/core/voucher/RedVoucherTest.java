package org.gongzhang.core.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.money.Money;
import org.junit.jupiter.api.Test;

class RedVoucherTest {

    @Test
    void theRedSummaryNamesTheDateWordAndNumberOfTheCancelledVoucher() {
        assertThat(RedVoucher.summary(LocalDate.of(2026, 3, 15), VoucherWord.JI, 12)).isEqualTo("注销 3月15日 记-12号凭证");
    }

    @Test
    void redLinesKeepAccountAndSideAndNegateTheAmount() {
        VoucherLine blue = new VoucherLine("收3月停车费", AccountCode.of("100201"), Side.DEBIT, Money.parse("12345.67"));
        VoucherLine red = RedVoucher.lines(List.of(blue), "注销 3月15日 记-12号凭证").get(0);
        assertThat(red).isEqualTo(new VoucherLine("注销 3月15日 记-12号凭证", AccountCode.of("100201"), Side.DEBIT,
                Money.ofFen(-1234567)));
        assertThat(red.signedAmount().plus(blue.signedAmount()).isZero()).isTrue();
    }

    @Test
    void voucherWordsReadFromTheirCharacter() {
        assertThat(VoucherWord.byCharacter("转")).contains(VoucherWord.ZHUAN);
        assertThat(VoucherWord.byCharacter("现")).isEmpty();
    }
}
