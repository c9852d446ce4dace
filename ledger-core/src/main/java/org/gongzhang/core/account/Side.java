package org.gongzhang.core.account;

/** 借 or 贷: the side of a voucher line, and an account's normal balance direction (余额方向). */
public enum Side {
    /** 借方. */
    DEBIT,
    /** 贷方. */
    CREDIT;

    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }
}
