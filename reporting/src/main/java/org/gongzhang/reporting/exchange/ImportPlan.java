package org.gongzhang.reporting.exchange;

import java.util.List;

/**
 * A file that passed every check: its vouchers in file order, which is the order to post them in.
 *
 * @param rows     the file's voucher rows (the header and blank rows not counted)
 * @param vouchers the vouchers
 */
public record ImportPlan(int rows, List<PlannedVoucher> vouchers) {

    public ImportPlan {
        vouchers = List.copyOf(vouchers);
    }
}
