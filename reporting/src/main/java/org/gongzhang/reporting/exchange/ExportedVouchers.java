package org.gongzhang.reporting.exchange;

import java.util.List;

/**
 * The posted vouchers of a book over some periods, as rows of the voucher layout.
 *
 * @param book         the book
 * @param appliedIndex the last entry of the book's log the read model had applied
 * @param rows         one row per voucher line, by period, 凭证字 (记 收 付 转), 凭证号 and line
 */
public record ExportedVouchers(String book, long appliedIndex, List<VoucherRow> rows) {

    public ExportedVouchers {
        rows = List.copyOf(rows);
    }
}
