package org.gongzhang.core.book.api.payload;

import java.util.List;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code opening-balances.set}: 期初余额 of leaf accounts, entered once before the first posting.
 *
 * @param balances one line per account
 */
public record OpeningBalancesSet(List<BalanceLine> balances) {

    public static OpeningBalancesSet from(SignedEntry entry) {
        return new OpeningBalancesSet(PayloadReader.of(entry).array("balances").stream().map(BalanceLine::read).toList());
    }

    public Money total(Side side) {
        return balances.stream().filter(b -> b.side() == side).map(BalanceLine::amount).reduce(Money.ZERO, Money::plus);
    }
}
