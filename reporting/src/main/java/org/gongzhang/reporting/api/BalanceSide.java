package org.gongzhang.reporting.api;

/** 余额方向 of a balance as a ledger prints it: 借, 贷 or 平. */
public enum BalanceSide {
    /** 借: a debit balance. */
    DEBIT,
    /** 贷: a credit balance. */
    CREDIT,
    /** 平: nothing left. */
    FLAT;

    public static BalanceSide of(long netDebit) {
        return netDebit > 0 ? DEBIT : netDebit < 0 ? CREDIT : FLAT;
    }
}
