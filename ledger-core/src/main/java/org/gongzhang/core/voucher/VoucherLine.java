package org.gongzhang.core.voucher;

import java.util.Objects;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.money.Money;

/**
 * 分录: one line of a voucher, 摘要 / 会计科目 / 借方 or 贷方. The amount is positive on an ordinary
 * (blue) voucher and negative on a red voucher (红字).
 *
 * @param summary 摘要
 * @param account the leaf account
 * @param side    借方 or 贷方
 * @param amount  the amount on that side
 */
public record VoucherLine(String summary, AccountCode account, Side side, Money amount) {

    public VoucherLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
    }

    /** The amount as it moves the debit-minus-credit balance of the account. */
    public Money signedAmount() {
        return side == Side.DEBIT ? amount : amount.negate();
    }

    /** The same line in red: amount negated, with a new summary. */
    public VoucherLine red(String redSummary) {
        return new VoucherLine(redSummary, account, side, amount.negate());
    }
}
