package org.gongzhang.core.book;

import org.gongzhang.core.account.Account;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.book.api.RefusalCode;

/**
 * A line (voucher line or opening balance) may name only an enabled leaf account (末级科目) of the
 * chart. The three refusal codes differ between voucher lines and opening balances.
 *
 * @param unknown  the code when the chart has no such account
 * @param notLeaf  the code when the account has children
 * @param disabled the code when the account is disabled
 */
record LineAccountRules(RefusalCode unknown, RefusalCode notLeaf, RefusalCode disabled) {

    static final LineAccountRules VOUCHER_LINE = new LineAccountRules(RefusalCode.VOUCHER_LINE_ACCOUNT_UNKNOWN,
            RefusalCode.VOUCHER_LINE_ACCOUNT_NOT_LEAF, RefusalCode.VOUCHER_LINE_ACCOUNT_DISABLED);
    static final LineAccountRules OPENING_BALANCE = new LineAccountRules(RefusalCode.OPENING_BALANCES_ACCOUNT_UNKNOWN,
            RefusalCode.OPENING_BALANCES_ACCOUNT_NOT_LEAF, RefusalCode.OPENING_BALANCES_ACCOUNT_DISABLED);

    void check(AccountCode code, ChartOfAccounts chart, String field) {
        Account account = chart.find(code).orElseThrow(() -> unknown.at(field, code));
        if (!chart.isLeaf(code)) {
            throw notLeaf.at(field, code);
        }
        if (!account.enabled()) {
            throw disabled.at(field, code);
        }
    }
}
