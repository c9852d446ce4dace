package org.gongzhang.reporting.api;

/**
 * One account's line of the 科目余额表; a parent's figures are the sum over its descendants.
 * Balances stand in the column of their side, so a debit account overdrawn shows under 贷方.
 *
 * @param code       科目代码
 * @param name       科目名称
 * @param level      1 for a 一级科目
 * @param leaf       true for a 末级科目
 * @param enabled    false once 停用
 * @param direction  the account's 余额方向, {@code DEBIT} or {@code CREDIT}
 * @param opening    期初余额
 * @param period     本期发生额
 * @param yearToDate 本年累计发生额, from January (or the book's first period) to the last period asked
 * @param closing    期末余额
 */
public record TrialBalanceRow(String code, String name, int level, boolean leaf, boolean enabled, String direction,
        Sides opening, Sides period, Sides yearToDate, Sides closing) {
}
