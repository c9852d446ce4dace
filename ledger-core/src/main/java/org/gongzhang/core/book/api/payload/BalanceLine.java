package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.money.Money;

/**
 * 期初余额: one account's opening balance.
 *
 * @param account the leaf account
 * @param side    the side the balance stands on
 * @param amount  the balance
 */
public record BalanceLine(AccountCode account, Side side, Money amount) {

    static BalanceLine read(PayloadReader item) {
        PayloadReader.SidedAmount sided = item.sided(
                RefusalCode.OPENING_BALANCES_LINE_BOTH_SIDES, RefusalCode.OPENING_BALANCES_LINE_NO_SIDE);
        return new BalanceLine(item.accountCode("account"), sided.side(), sided.amount());
    }

    /** The amount as it moves the debit-minus-credit balance. */
    public Money signedAmount() {
        return side == Side.DEBIT ? amount : amount.negate();
    }
}
