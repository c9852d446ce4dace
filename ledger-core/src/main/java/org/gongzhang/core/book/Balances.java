package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.Map;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.money.Money;

/**
 * 科目余额: each account's balance (debit minus credit, in 分) over the opening balances and every
 * posted line, for the trial balance (试算平衡) at period close.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class Balances {

    private Map<String, Long> net = new HashMap<>();
    private boolean openingSet;

    boolean openingSet() {
        return openingSet;
    }

    void openingSet(boolean value) {
        openingSet = value;
    }

    void add(AccountCode account, Money signedAmount) {
        net.merge(account.value(), signedAmount.fen(), Math::addExact);
    }

    /** 借方余额合计: the sum of the balances that stand on the debit side. */
    Money debitTotal() {
        return Money.ofFen(net.values().stream().filter(v -> v > 0).mapToLong(Long::longValue).sum());
    }

    /** 贷方余额合计. */
    Money creditTotal() {
        return Money.ofFen(-net.values().stream().filter(v -> v < 0).mapToLong(Long::longValue).sum());
    }
}
