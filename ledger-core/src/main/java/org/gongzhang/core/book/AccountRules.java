package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_ALREADY_DISABLED;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_CODE_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_CODE_NOT_UNDER_PARENT;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_DISABLE_REASON_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_NAME_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_PARENT_DISABLED;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_PARENT_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_PARENT_USED;
import static org.gongzhang.core.book.api.RefusalCode.ACCOUNT_UNKNOWN;

import org.gongzhang.core.account.Account;
import org.gongzhang.core.book.api.payload.AccountAdded;
import org.gongzhang.core.book.api.payload.AccountDisabled;

/**
 * 增设明细科目 and 停用科目: a new account goes under an enabled parent that no line has used yet;
 * any account may be disabled with a reason; nothing is deleted.
 */
final class AccountRules {

    private AccountRules() {
    }

    static void added(AccountAdded added, Accounts accounts) {
        if (accounts.chart().contains(added.code())) {
            throw ACCOUNT_CODE_DUPLICATE.at("entry.payload.code", added.code());
        }
        Account parent = accounts.chart().find(added.parent())
                .orElseThrow(() -> ACCOUNT_PARENT_UNKNOWN.at("entry.payload.parent", added.parent()));
        if (!added.code().extendsCode(added.parent())) {
            throw ACCOUNT_CODE_NOT_UNDER_PARENT.at("entry.payload.code", added.code(), added.parent());
        }
        if (!parent.enabled()) {
            throw ACCOUNT_PARENT_DISABLED.at("entry.payload.parent", added.parent());
        }
        if (accounts.isUsed(added.parent())) {
            throw ACCOUNT_PARENT_USED.at("entry.payload.parent", added.parent());
        }
        Require.nonBlank(added.name(), ACCOUNT_NAME_BLANK, "entry.payload.name");
    }

    static void disabled(AccountDisabled disabled, Accounts accounts) {
        Account account = accounts.chart().find(disabled.code())
                .orElseThrow(() -> ACCOUNT_UNKNOWN.at("entry.payload.code", disabled.code()));
        if (!account.enabled()) {
            throw ACCOUNT_ALREADY_DISABLED.at("entry.payload.code", disabled.code());
        }
        Require.nonBlank(disabled.reason(), ACCOUNT_DISABLE_REASON_BLANK, "entry.payload.reason");
    }
}
