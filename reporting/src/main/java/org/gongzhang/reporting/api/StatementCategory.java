package org.gongzhang.reporting.api;

/**
 * One line of income or expense on a 收支公示表: a leaf account and its amount in the periods.
 *
 * @param account 科目代码
 * @param name    科目名称
 * @param amount  the amount
 */
public record StatementCategory(String account, String name, Amount amount) {
}
