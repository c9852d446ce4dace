package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.account.Account;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.RefusalCode;

/**
 * One account of the chart written out in {@code book.opened}, as read, before the chart's rules
 * are checked.
 *
 * @param code      科目代码
 * @param name      科目名称
 * @param parent    the parent's code, null for a 一级科目
 * @param direction 余额方向
 */
public record AccountDefinition(AccountCode code, String name, AccountCode parent, Side direction) {

    static AccountDefinition read(PayloadReader item) {
        return new AccountDefinition(item.accountCode("code"), item.string("name"),
                item.optionalAccountCode("parent"),
                item.enumValue("direction", Side.class, RefusalCode.ACCOUNT_DIRECTION_INVALID));
    }

    /** The account, enabled; valid only once the chart's rules hold. */
    public Account toAccount() {
        return new Account(code, name, parent, direction, true);
    }
}
