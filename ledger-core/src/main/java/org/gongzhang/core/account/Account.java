package org.gongzhang.core.account;

import java.util.Objects;

/**
 * 会计科目: one account of a book's chart. Only leaf accounts (末级科目) take voucher lines; an
 * account is never deleted, only disabled (停用).
 *
 * @param code      科目代码
 * @param name      科目名称, e.g. 银行存款
 * @param parent    the parent's code, null for a 一级科目
 * @param direction 余额方向, the side on which the balance normally stands
 * @param enabled   false once disabled
 */
public record Account(AccountCode code, String name, AccountCode parent, Side direction, boolean enabled) {

    public Account {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(direction, "direction");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("account " + code + " needs a name");
        }
        if (parent == null ? code.level() != 1 : !code.extendsCode(parent)) {
            throw new IllegalArgumentException("account " + code + " does not extend its parent " + parent);
        }
    }

    public static Account of(String code, String name, String parent, Side direction) {
        return new Account(AccountCode.of(code), name, parent == null ? null : AccountCode.of(parent), direction, true);
    }

    public AccountCategory category() {
        return AccountCategory.of(code);
    }

    public Account disabled() {
        return new Account(code, name, parent, direction, false);
    }
}
