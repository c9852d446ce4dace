package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_CODE_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_CODE_NOT_UNDER_PARENT;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_DIRECTION_DIFFERS_FROM_PARENT;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_NAME_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_PARENT_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.BOOK_CHART_EMPTY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.book.api.payload.AccountDefinition;

/**
 * 科目表 as written in {@code book.opened}: unique codes with names, every child's code its
 * parent's plus two digits, the parent in the chart, and the child's direction its parent's.
 */
final class ChartRules {

    private static final String ACCOUNTS = "entry.payload.accounts";

    private ChartRules() {
    }

    static void check(List<AccountDefinition> accounts) {
        if (accounts.isEmpty()) {
            throw BOOK_CHART_EMPTY.at(ACCOUNTS);
        }
        Map<AccountCode, AccountDefinition> byCode = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            AccountDefinition account = accounts.get(i);
            Require.nonBlank(account.name(), ACCOUNT_NAME_BLANK, at(i, "name"));
            if (byCode.put(account.code(), account) != null) {
                throw ACCOUNT_CODE_DUPLICATE.at(at(i, "code"), account.code());
            }
        }
        for (int i = 0; i < accounts.size(); i++) {
            parent(accounts.get(i), byCode, i);
        }
    }

    private static void parent(AccountDefinition account, Map<AccountCode, AccountDefinition> byCode, int i) {
        if (account.parent() == null) {
            if (account.code().level() != 1) {
                throw ACCOUNT_CODE_NOT_UNDER_PARENT.at(at(i, "parent"), account.code(), "—");
            }
            return;
        }
        AccountDefinition parent = byCode.get(account.parent());
        if (parent == null) {
            throw ACCOUNT_PARENT_UNKNOWN.at(at(i, "parent"), account.parent());
        }
        if (!account.code().extendsCode(account.parent())) {
            throw ACCOUNT_CODE_NOT_UNDER_PARENT.at(at(i, "code"), account.code(), account.parent());
        }
        if (account.direction() != parent.direction()) {
            throw ACCOUNT_DIRECTION_DIFFERS_FROM_PARENT.at(at(i, "direction"), account.code(), account.parent());
        }
    }

    private static String at(int i, String field) {
        return ACCOUNTS + "[" + i + "]." + field;
    }
}
