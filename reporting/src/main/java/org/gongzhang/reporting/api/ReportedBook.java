package org.gongzhang.reporting.api;

/**
 * A book as the read model knows it, with how far it has read the book's log.
 *
 * @param book         the book's id
 * @param name         its name, e.g. 兰园小区公共收益账套
 * @param fund         PUBLIC_INCOME or MAINTENANCE_FUND
 * @param compound     the compound's name
 * @param startPeriod  the book's first period, {@code yyyy-MM}
 * @param appliedIndex the last entry of the book's log the read model has applied
 */
public record ReportedBook(String book, String name, String fund, String compound, String startPeriod,
        long appliedIndex) {
}
