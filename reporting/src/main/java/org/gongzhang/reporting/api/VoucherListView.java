package org.gongzhang.reporting.api;

import java.util.List;

/**
 * The vouchers of one period in every state: posted ones by 凭证字 and 凭证号, then the rest in
 * the order they were recorded.
 *
 * @param book         the book
 * @param period       会计期间
 * @param appliedIndex the last entry of the book's log the read model has applied
 * @param vouchers     the vouchers
 */
public record VoucherListView(String book, String period, long appliedIndex, List<VoucherSummary> vouchers) {

    public VoucherListView {
        vouchers = List.copyOf(vouchers);
    }
}
