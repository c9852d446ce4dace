package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.OPENING_BALANCES_ACCOUNT_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.OPENING_BALANCES_AFTER_POSTING;
import static org.gongzhang.core.book.api.RefusalCode.OPENING_BALANCES_ALREADY_SET;
import static org.gongzhang.core.book.api.RefusalCode.OPENING_BALANCES_EMPTY;
import static org.gongzhang.core.book.api.RefusalCode.OPENING_BALANCES_UNBALANCED;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.payload.BalanceLine;
import org.gongzhang.core.book.api.payload.OpeningBalancesSet;

/**
 * 期初余额: entered once, before the first voucher is posted, on enabled leaf accounts, one line
 * per account, and in balance (期初试算平衡).
 */
final class OpeningBalanceRules {

    private static final String BALANCES = "entry.payload.balances";

    private OpeningBalanceRules() {
    }

    static void check(OpeningBalancesSet set, Accounts accounts, Balances balances, Vouchers vouchers) {
        if (balances.openingSet()) {
            throw OPENING_BALANCES_ALREADY_SET.at(BALANCES);
        }
        if (vouchers.anyPosted()) {
            throw OPENING_BALANCES_AFTER_POSTING.at(BALANCES);
        }
        if (set.balances().isEmpty()) {
            throw OPENING_BALANCES_EMPTY.at(BALANCES);
        }
        lines(set.balances(), accounts);
        if (!set.total(Side.DEBIT).equals(set.total(Side.CREDIT))) {
            throw OPENING_BALANCES_UNBALANCED.at(BALANCES, set.total(Side.DEBIT), set.total(Side.CREDIT));
        }
    }

    private static void lines(List<BalanceLine> lines, Accounts accounts) {
        Set<AccountCode> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String field = BALANCES + "[" + i + "].account";
            AccountCode account = lines.get(i).account();
            LineAccountRules.OPENING_BALANCE.check(account, accounts.chart(), field);
            if (!seen.add(account)) {
                throw OPENING_BALANCES_ACCOUNT_DUPLICATE.at(field, account);
            }
        }
    }
}
